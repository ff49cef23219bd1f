import { act, fireEvent, render, screen } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Deal, Stakeholder } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { useUiStore } from '../../../renderer/state/ui-store'
import { Inspector } from '../../../renderer/map/inspector/Inspector'
import { MeetingMap } from '../../../renderer/meeting/MeetingMap'
import { aDeal } from '../../fixtures/builders'
import { openSharedDeal } from './shared-deal'
import { flowProbe, ProbedMap } from '../map/probed-map'

/** How often the map itself has drawn (it works out the top ranks once per draw). */
const mapDraws = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../renderer/map/use-top-ranks', async (original) => {
  const real = await original<typeof import('../../../renderer/map/use-top-ranks')>()
  return { ...real, useTopRanks: (...args: Parameters<typeof real.useTopRanks>) => (mapDraws.count++, real.useTopRanks(...args)) }
})

const { nodeLists } = flowProbe
const MapWithProbe = () => <ProbedMap><Inspector /></ProbedMap>

const card = (id: string) => document.querySelector<HTMLElement>(`[data-testid="stakeholder-card"][data-stakeholder-id="${id}"]`)!

/**
 * A colleague's edit of what only the card shows (a title, a favoured competitor, the owners) redraws
 * that card and nothing of React Flow's: the card reads its person from the open deal, and a
 * node changes only when what React Flow or the far-out canvas draw from it changes
 * (docs/performance.md, "A colleague's edit, card by card"). Before, every such edit gave
 * React Flow a new node list to adopt, lay out and hand to every node's subscriptions.
 */
describe("a colleague's edit of one person's details", () => {
  afterEach(() => {
    useDealStore.getState().setSharedSink(null)
    useUiStore.setState({ filters: { stances: [], buyingRoles: [], influences: [], departments: [] }, showDepartments: false })
  })

  const deal: Deal = aDeal().named('Northwind rollout', 'Northwind')
    .withStakeholder('grace', { name: 'Grace Liu', title: 'Head of IT', department: 'IT', position: { x: 0, y: 0 } })
    .withStakeholder('omar', { name: 'Omar Haddad', title: 'CFO', position: { x: 400, y: 0 } })
    .build()
  const grace = deal.stakeholders[0]
  const edited = (fields: Partial<Stakeholder>): Stakeholder => ({ ...useDealStore.getState().deal!.stakeholders[0], ...fields })

  it('shows on the card without drawing the map again or giving React Flow a new node list', async () => {
    const push = await openSharedDeal(deal, <MapWithProbe />)
    expect(card('grace').textContent).toContain('Head of IT')
    await act(() => new Promise((r) => setTimeout(r, 50))) // the strength dots filled after the first paint
    const drawsBefore = mapDraws.count
    nodeLists.length = 0
    nodeLists.push(undefined) // the lists from here on
    const settled = () => nodeLists.length

    const before = settled()
    await push({ kind: 'people', dealId: deal.id, people: [edited({ title: 'Chief Information Officer', favoredCompetitor: 'Globex' })] })
    expect(card('grace').textContent).toContain('Chief Information Officer')
    expect(card('grace').textContent).toContain('Globex')
    expect(card('omar').textContent).toContain('CFO')
    expect(settled()).toBe(before)
    await act(() => new Promise((r) => setTimeout(r, 50))) // and once the deal has been analysed again
    expect(mapDraws.count).toBe(drawsBefore)
  })

  it('still gives React Flow a new node when what it draws changes: the name, the place, the size', async () => {
    const push = await openSharedDeal(deal, <MapWithProbe />)
    const node = () => document.querySelector<HTMLElement>('.react-flow__node[data-id="grace"]')!
    await push({ kind: 'people', dealId: deal.id, people: [edited({ name: 'Grace Liu-Park' })] })
    expect(card('grace').textContent).toContain('Grace Liu-Park')
    expect(node().getAttribute('aria-label')).toBe('Grace Liu-Park')

    await push({ kind: 'people', dealId: deal.id, people: [edited({ position: { x: 120, y: 80 } })] })
    expect(node().style.transform).toMatch(/translate\(120px,\s*80px\)/)

    const width = node().style.width
    await push({ kind: 'people', dealId: deal.id, people: [edited({ influence: grace.influence === 'high' ? 'low' : 'high' })] })
    expect(node().style.width).not.toBe(width)
  })

  it('redraws the map for what its filters and department boxes read: a stance, a role, a department', async () => {
    const push = await openSharedDeal(deal, <MapWithProbe />)
    const node = () => document.querySelector<HTMLElement>('.react-flow__node[data-id="grace"]')!
    act(() => useUiStore.getState().setFilters({ stances: ['champion'], buyingRoles: [], influences: [], departments: [] }))
    expect(card('grace').className).toContain('dimmed')
    await push({ kind: 'people', dealId: deal.id, people: [edited({ stance: 'champion' })] })
    expect(card('grace').className).not.toContain('dimmed')
    act(() => useUiStore.getState().setFilters({ stances: [], buyingRoles: ['decision-maker'], influences: [], departments: [] }))
    expect(card('grace').className).toContain('dimmed')
    await push({ kind: 'people', dealId: deal.id, people: [edited({ buyingRole: 'decision-maker' })] })
    expect(card('grace').className).not.toContain('dimmed')

    act(() => useUiStore.setState({ filters: { stances: [], buyingRoles: [], influences: [], departments: [] }, showDepartments: true }))
    expect(screen.getAllByTestId('department-group').map((g) => g.textContent)).toEqual(['IT · 1'])
    await push({ kind: 'people', dealId: deal.id, people: [edited({ department: 'Finance' })] })
    expect(screen.getAllByTestId('department-group').map((g) => g.textContent)).toEqual(['Finance · 1'])
    expect(node()).toBeTruthy()
  })

  it('shows this laptop’s own typing on the card as it goes', async () => {
    await openSharedDeal(deal, <MapWithProbe />)
    act(() => useDealStore.getState().select(['grace']))
    const title = screen.getByTestId('field-title') as HTMLInputElement
    fireEvent.change(title, { target: { value: 'VP Infrastructure' } })
    expect(card('grace').textContent).toContain('VP Infrastructure')
  })

  it('leaves a card on a map of another deal showing that deal (the meeting view of a snapshot)', async () => {
    await openSharedDeal(deal, <MapWithProbe />)
    const older: Deal = { ...deal, stakeholders: deal.stakeholders.map((s) => (s.id === 'grace' ? { ...s, title: 'Head of IT (last quarter)' } : s)) }
    render(<ReactFlowProvider><div style={{ width: '800px', height: '600px' }}><MeetingMap deal={older} spotlightId={null} showCoverage={false} showDepartments={false} /></div></ReactFlowProvider>)
    await act(async () => undefined)
    const meetingCards = [...document.querySelectorAll<HTMLElement>('[data-testid="stakeholder-card"][data-stakeholder-id="grace"]')]
    expect(meetingCards.map((c) => c.textContent?.includes('Head of IT (last quarter)'))).toContain(true)
  })
})
