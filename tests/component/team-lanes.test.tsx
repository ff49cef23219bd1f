import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Deal, type Seller } from '@shared/model'
import { i18next } from '../../renderer/i18n'
import { useDealStore } from '../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'
import { SELLER_MIME } from '../../renderer/team/drag'
import { TeamPanel } from '../../renderer/team/TeamPanel'
import { aDeal, aSeller } from '../fixtures/builders'

const anna = aSeller('anna', { name: 'Anna Kowalski', level: 'senior', kinds: ['account'] })
const ben = aSeller('ben', { name: 'Ben Carter', level: 'mid', kinds: ['solution'] })
const chen = aSeller('chen', { name: 'Chen Wei', level: 'senior', kinds: ['project'] })
const tara = aSeller('tara', { name: 'Tara Lin', level: 'top', kinds: ['solution'] })
const roster: Seller[] = [anna, ben, chen, tara]

function show(deal: Deal, sellers: Seller[] = roster) {
  useWorkspaceStore.setState({ roster: sellers, deals: [], settings: DEFAULT_SETTINGS })
  useDealStore.setState({ deal, selection: [], linkSelection: [] })
  return render(<TeamPanel />)
}

const team = () => useDealStore.getState().deal!.team
const verdict = () => screen.getByTestId('team-verdict')
const lane = (role: 'control' | 'support' | 'attack') => screen.getByTestId(`lane-${role}`)
const seatedIn = (role: 'control' | 'support' | 'attack') =>
  within(lane(role)).queryAllByTestId('seat').map((s) => s.querySelector('.seller-chip-name')?.textContent)
const pick = (role: 'control' | 'support' | 'attack', sellerId: string) =>
  fireEvent.change(screen.getByTestId(`lane-picker-${role}`), { target: { value: sellerId } })

describe('team lanes', () => {
  beforeEach(() => void i18next.changeLanguage('en'))
  afterEach(() => useDealStore.setState({ deal: null }))

  it('an empty team has gaps: each lane says no one sits there and each role is reported missing', () => {
    show(aDeal('d1').build())
    expect(verdict().dataset.verdict).toBe('gaps')
    expect(verdict().textContent).toContain('Gaps')
    const missing = screen.getAllByTestId('team-finding').filter((f) => f.dataset.code === 'missing-role')
    expect(missing).toHaveLength(3)
    expect(missing.map((f) => f.querySelector('.finding-text')?.textContent)).toContain(
      'No one sits the solution seat, so the team has no support (it wins with insight).',
    )
    expect(within(lane('control')).getByText(/No one sits here yet/)).toBeTruthy()
  })

  it('seats a seller with the picker: the first in a lane leads, and a qualified seat shows ✓', () => {
    show(aDeal('d1').build())
    pick('control', 'anna')
    expect(team()).toEqual([{ sellerId: 'anna', seat: 'account', lead: true }])
    expect(seatedIn('control')).toEqual(['Anna Kowalski'])
    const status = within(lane('control')).getByTestId('seat-status')
    expect(status.textContent).toContain('Qualified')
    expect(status.getAttribute('title')).toBe('A senior seller has mastered Control.')
    expect(within(lane('control')).getByTestId('seat-lead').getAttribute('aria-pressed')).toBe('true')
  })

  it('a mid-level seller in the account seat is a stretch, and says why', () => {
    show(aDeal('d1').build())
    pick('control', 'ben')
    const row = within(lane('control')).getByTestId('seat')
    expect(row.dataset.qualified).toBe('false')
    expect(within(row).getByTestId('seat-status').textContent).toContain('Stretch')
    expect(row.textContent).toContain('A mid-level seller has not mastered Control yet (has mastered Attack)')
    expect(row.textContent).toContain('Sitting in: a solution seller by kind')
  })

  it('one lead per lane: making the second seller lead takes it from the first; clicking again clears it', () => {
    show(aDeal('d1').seat(tara, 'solution', { lead: true }).seat(ben, 'solution').build())
    const benRow = within(lane('support')).getAllByTestId('seat').find((r) => r.dataset.sellerId === 'ben')!
    fireEvent.click(within(benRow).getByTestId('seat-lead'))
    expect(team().map((t) => [t.sellerId, t.lead])).toEqual([['tara', false], ['ben', true]])
    fireEvent.click(within(benRow).getByTestId('seat-lead'))
    expect(team().map((t) => [t.sellerId, t.lead])).toEqual([['tara', false], ['ben', false]])
  })

  it('the verdict follows the seats: gaps → covered when the last role is filled, back to gaps when removed', () => {
    show(aDeal('d1').seat(anna, 'account', { lead: true }).seat(chen, 'project', { lead: true }).build())
    expect(verdict().dataset.verdict).toBe('gaps')
    pick('support', 'tara')
    expect(verdict().dataset.verdict).toBe('covered')
    expect(verdict().textContent).toContain('Control, support and attack are each held by a seller who has mastered the role.')
    expect(screen.getByTestId('team-findings-none')).toBeTruthy()

    const taraRow = within(lane('support')).getByTestId('seat')
    fireEvent.click(within(taraRow).getByTestId('seat-remove'))
    expect(seatedIn('support')).toEqual([])
    expect(verdict().dataset.verdict).toBe('gaps')
  })

  it('a stretch seat makes the team at risk; the one-click fix seats the suggested seller', () => {
    show(aDeal('d1').seat(anna, 'account').seat(chen, 'project').seat(ben, 'solution').build())
    expect(verdict().dataset.verdict).toBe('at-risk')
    const finding = screen.getAllByTestId('team-finding').find((f) => f.dataset.code === 'unqualified-seat')!
    expect(finding.querySelector('.finding-text')?.textContent).toBe(
      'Ben Carter (mid-level) sits the solution seat but has not yet mastered support: a stretch.',
    )
    const fix = within(finding).getByTestId('fix-seat')
    expect(fix.textContent).toBe('Seat Tara Lin')
    fireEvent.click(fix)
    expect(seatedIn('support')).toEqual(['Ben Carter', 'Tara Lin'])
    // Ben is still a stretch but Tara holds support: no error, one warning left.
    expect(verdict().dataset.verdict).toBe('at-risk')
    fireEvent.click(within(within(lane('support')).getAllByTestId('seat')[0]).getByTestId('seat-remove'))
    expect(verdict().dataset.verdict).toBe('covered')
  })

  it('dropping a seller chip on a lane seats them; one person in two lanes is told twin souls are hard', () => {
    show(aDeal('d1').seat(tara, 'solution', { lead: true }).build())
    const dataTransfer = { types: [SELLER_MIME], getData: (type: string) => (type === SELLER_MIME ? 'tara' : ''), dropEffect: 'none' }
    fireEvent.dragOver(lane('control'), { dataTransfer })
    expect(lane('control').className).toContain('drop-over')
    fireEvent.drop(lane('control'), { dataTransfer })
    expect(seatedIn('control')).toEqual(['Tara Lin'])
    expect(within(lane('control')).getByTestId('seat').textContent).toContain('Also plays Support: twin souls are allowed, but hard to carry.')
    expect(screen.getAllByTestId('team-finding').map((f) => f.dataset.code)).toContain('multi-seat')
  })

  it('speaks Chinese from the finding code, not the English message', async () => {
    show(aDeal('d1').seat(anna, 'account').seat(chen, 'project').build())
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(verdict().textContent).toContain('有缺口')
    const missing = screen.getAllByTestId('team-finding').find((f) => f.dataset.code === 'missing-role')!
    expect(missing.querySelector('.finding-text')?.textContent).toBe('方案型席位无人，团队缺少“辅助”（以慧取胜）。')
    expect(within(missing).getByTestId('fix-seat').textContent).toBe('安排 Tara Lin')
  })

  it('a lane title names its role once in Chinese, and with the Chinese term beside it in English', async () => {
    show(aDeal('d1').build())
    const title = () => screen.getByRole('heading', { name: /控制/ }).querySelector('.lane-role')?.textContent
    expect(title()).toBe('Control控制')
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(title()).toBe('控制')
  })

  it('"open" on an unowned key player selects and focuses them on the map', () => {
    const deal = aDeal('d1').seat(anna, 'account').withStakeholder('li', { name: 'Li Na', buyingRole: 'decision-maker' }).build()
    show(deal)
    const finding = screen.getAllByTestId('team-finding').find((f) => f.dataset.code === 'unowned-key-player')!
    expect(finding.querySelector('.finding-text')?.textContent).toBe('No one on our team owns the relationship with Li Na (decision maker).')
    fireEvent.click(within(finding).getByTestId('fix-open'))
    expect(useDealStore.getState().selection).toEqual(['li'])
    expect(useDealStore.getState().focusRequest?.id).toBe('li')
  })
})
