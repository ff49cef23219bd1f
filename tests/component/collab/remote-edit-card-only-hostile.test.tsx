import { act, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Deal, Stakeholder } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from '../map/helpers'
import { openSharedDeal } from './shared-deal'
import { flowProbe, ProbedMap } from '../map/probed-map'

// Every card render renders its strength slot once with its id: a plain stand-in records which cards rendered.
const renders = vi.hoisted(() => ({ ids: [] as string[] }))
vi.mock('../../../renderer/map/StrengthSlot', () => ({
  StrengthSlot: ({ stakeholderId }: { stakeholderId: string }) => {
    renders.ids.push(stakeholderId)
    return null
  },
}))

const { nodeLists } = flowProbe
const Map = () => <ProbedMap />
const card = (id: string) => document.querySelector<HTMLElement>(`[data-testid="stakeholder-card"][data-stakeholder-id="${id}"]`)
const person = (id: string): Stakeholder => useDealStore.getState().deal!.stakeholders.find((s) => s.id === id)!

/**
 * The card-by-card map (docs/performance.md, "A colleague's edit, card by card") under the
 * sequences most likely to leave a card showing someone else's or an older person: another
 * deal with the same ids, a person deleted and added back under the same id, hostile values,
 * and one edit in a 1,000-person deal.
 */
describe('cards that read their person live, attacked', () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  it('a deal opened after another with the same ids (a duplicated deal) shows its own people', async () => {
    const first: Deal = aDeal().named('Contoso 2026', 'Contoso').withStakeholder('grace', { name: 'Grace Liu', title: 'CIO', position: { x: 0, y: 0 } }).build()
    const copy: Deal = { ...first, id: 'copy-of-contoso', name: 'Contoso 2027', stakeholders: first.stakeholders.map((s) => ({ ...s, title: 'Chief Digital Officer' })) }
    await openDeal(first)
    render(<Map />)
    await act(async () => undefined)
    expect(card('grace')?.textContent).toContain('CIO')
    await act(async () => void (await openDeal(copy)))
    await act(async () => undefined)
    expect(useDealStore.getState().deal?.id).toBe('copy-of-contoso')
    expect(card('grace')?.textContent).toContain('Chief Digital Officer')
  })

  it('a person deleted by a colleague and added back under the same id shows as added back', async () => {
    const deal: Deal = aDeal().named('Northwind', 'Northwind')
      .withStakeholder('grace', { name: 'Grace Liu', title: 'CIO', position: { x: 0, y: 0 } })
      .withStakeholder('omar', { name: 'Omar Haddad', title: 'CFO', position: { x: 400, y: 0 } })
      .build()
    const push = await openSharedDeal(deal, <Map />)
    await push({ kind: 'deal', dealId: deal.id, deal: { ...deal, stakeholders: [deal.stakeholders[1]] } })
    expect(card('grace')).toBeNull()
    const back = { ...deal.stakeholders[0], title: 'Chief Information Officer', position: { x: 0, y: 0 } }
    await push({ kind: 'deal', dealId: deal.id, deal: { ...deal, stakeholders: [deal.stakeholders[1], back] } })
    expect(card('grace')?.textContent).toContain('Chief Information Officer')
  })

  it('control characters and a 10,000-character title show as text, and a card given a place that is not a number comes back with the next good one', async () => {
    const deal: Deal = aDeal().named('Northwind', 'Northwind').withStakeholder('grace', { name: 'Grace Liu', title: 'CIO', position: { x: 0, y: 0 } }).build()
    const push = await openSharedDeal(deal, <Map />)
    const hostile = '<img src=x onerror=alert(1)>\u0000\u001b[31m\u202e' + 'x'.repeat(10_000)
    await push({ kind: 'people', dealId: deal.id, people: [{ ...person('grace'), title: hostile }] })
    expect(card('grace')?.querySelector('img')).toBeNull()
    expect(card('grace')?.textContent).toContain('<img src=x onerror=alert(1)>')
    await push({ kind: 'people', dealId: deal.id, people: [{ ...person('grace'), position: { x: Number.NaN, y: 0 }, title: 'CIO again' }] })
    // (Main's check refuses such a place before the page sees it; the page must still recover.)
    await push({ kind: 'people', dealId: deal.id, people: [{ ...person('grace'), position: { x: 10, y: 0 }, title: 'CIO once more' }] })
    expect(card('grace')?.textContent).toContain('CIO once more')
  })

  it('one title edit in a 1,000-person deal redraws that card alone and hands React Flow nothing', { timeout: 60_000 }, async () => {
    const file = generateDeal({ stakeholders: 1000, links: 1000, seed: 11 })
    const push = await openSharedDeal(file.deal, <Map />)
    // Zoomed in on the first person, as a user reading the full cards is.
    const first = file.deal.stakeholders[0].position
    await act(async () => void (await flowProbe.flow!.setViewport({ x: -first.x + 100, y: -first.y + 100, zoom: 1 })))
    await act(() => new Promise((r) => setTimeout(r, 50)))
    const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="stakeholder-card"]')].map((c) => c.dataset.stakeholderId!)
    expect(shown.length).toBeGreaterThan(3)
    const target = shown[0]
    renders.ids = []
    const lists = nodeLists.length
    await push({ kind: 'people', dealId: file.deal.id, people: [{ ...person(target), title: 'Newly appointed CIO' }] })
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect(card(target)?.textContent).toContain('Newly appointed CIO')
    expect(new Set(renders.ids)).toEqual(new Set([target]))
    expect(nodeLists.length).toBe(lists)
  })
})
