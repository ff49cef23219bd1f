import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Deal, Stakeholder } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { NO_FILTERS, useUiStore } from '../../../renderer/state/ui-store'
import { useBranchStore } from '../../../renderer/map/branch-store'
import { aDeal } from '../../fixtures/builders'
import { openSharedDeal } from '../collab/shared-deal'
import { openDeal } from './helpers'
import { flowProbe, ProbedMap } from './probed-map'
import { startEditing } from '../../../renderer/map/capture'

/*
 * Attacks on the live cards (docs/performance.md, "A colleague's edit, card by card"): the
 * map keeps the deal it drew while no field it reads changed, and each card reads its person
 * from the open deal. Whatever the sequence, what a card and the map show is the open deal.
 */

const { nodeLists } = flowProbe
const MapUi = () => <ProbedMap />

const cardOf = (id: string) => document.querySelector<HTMLElement>(`[data-testid="stakeholder-card"][data-stakeholder-id="${id}"]`)
const card = (id: string) => cardOf(id)!
const nodeOf = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)
const text = (id: string, part: string) => card(id).querySelector(`.card-${part}`)?.textContent

const base: Deal = aDeal('deal-a').named('Northwind rollout', 'Northwind')
  .withStakeholder('grace', { name: 'Grace Liu', title: 'Head of IT', department: 'IT', position: { x: 0, y: 0 } })
  .withStakeholder('omar', { name: 'Omar Haddad', title: 'CFO', department: 'Finance', position: { x: 400, y: 0 } })
  .withStakeholder('ines', { name: 'Ines Duarte', title: 'IT Manager', department: 'IT', position: { x: 0, y: 300 } })
  .withLink('ines', 'grace', 'reports-to')
  .build()

const now = () => useDealStore.getState().deal!
const person = (id: string) => now().stakeholders.find((s) => s.id === id)!
const edited = (id: string, fields: Partial<Stakeholder>): Stakeholder => ({ ...person(id), ...fields })

afterEach(async () => {
  useDealStore.getState().setSharedSink(null)
  useUiStore.setState({ filters: NO_FILTERS, showDepartments: false })
  act(() => useBranchStore.getState().setFocus(null))
  await act(() => useDealStore.getState().close())
})

describe('live cards under a colleague’s pushes', () => {
  it('shows the fields only the card draws: placeholder, inner circle, owners, competitor', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    expect(card('omar').className).not.toContain('inner-circle')
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { innerCircle: true, favoredCompetitor: 'Contoso', ownerIds: ['s1', 's2'] })] })
    expect(card('omar').className).toContain('inner-circle')
    expect(card('omar').querySelector('.competitor-tag')?.textContent).toBe('Contoso')
    expect(card('omar').querySelectorAll('.owner-chip')).toHaveLength(2)
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { innerCircle: undefined, ownerIds: [] })] })
    expect(card('omar').className).not.toContain('inner-circle')
    expect(card('omar').querySelectorAll('.owner-chip')).toHaveLength(0)
  })

  it('follows two people swapping places in the list (and their positions)', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    const [g, o, i] = now().stakeholders
    const swapped: Deal = { ...now(), stakeholders: [{ ...o, title: 'CFO (acting)' }, { ...g, title: 'CIO' }, i] }
    await push({ kind: 'deal', dealId: base.id, deal: swapped })
    expect(text('grace', 'title')).toBe('CIO')
    expect(text('omar', 'title')).toBe('CFO (acting)')
    expect(nodeOf('omar')!.style.transform).toMatch(/translate\(400px,\s*0px\)/)
    expect(nodeOf('grace')!.style.transform).toMatch(/translate\(0px,\s*0px\)/)
  })

  it('shows a person removed and added again with the same id and other fields', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    const omar = person('omar')
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), stakeholders: now().stakeholders.filter((s) => s.id !== 'omar') } })
    expect(cardOf('omar')).toBeNull()
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), stakeholders: [...now().stakeholders, { ...omar, title: 'Group CFO', buyingRole: 'decision-maker' }] } })
    expect(text('omar', 'title')).toBe('Group CFO')
    expect(card('omar').querySelector('.role-badge')?.className).toContain('role-decision-maker')
  })

  it('shows a person whose id changed at the same place in the list', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    const renamed = now().stakeholders.map((s) => (s.id === 'omar' ? { ...s, id: 'omar-2', title: 'Treasurer' } : s))
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), stakeholders: renamed } })
    expect(cardOf('omar')).toBeNull()
    expect(text('omar-2', 'title')).toBe('Treasurer')
  })

  it('draws a new line and the ranks when only the links change, and nothing when a copy of the same links arrives', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), links: now().links.map((l) => ({ ...l })) } })
    nodeLists.length = 0
    nodeLists.push(undefined)
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), links: now().links.map((l) => ({ ...l })) } })
    expect(nodeLists).toHaveLength(1)
    const before = document.querySelectorAll('.react-flow__edge').length
    await push({ kind: 'deal', dealId: base.id, deal: { ...now(), links: [...now().links, { id: 'l-omar', from: 'omar', to: 'grace', kind: 'reports-to' }] } })
    expect(document.querySelectorAll('.react-flow__edge').length).toBe(before + 1)
  })

  it('shows this laptop’s stance still on its way to main together with a colleague’s title of the same person', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => void useDealStore.getState().dispatch({ type: 'set-field', stakeholderId: 'omar', field: 'stance', value: 'champion' }))
    expect(card('omar').className).toContain('stance-champion')
    await push({ kind: 'people', dealId: base.id, people: [{ ...base.stakeholders[1], title: 'Group CFO' }] })
    expect(card('omar').className).toContain('stance-champion')
    expect(text('omar', 'title')).toBe('Group CFO')
  })

  it('keeps a department focus right through edits: a title inside it, a person moved into it', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => useBranchStore.getState().setFocus({ kind: 'department', key: 'it' }))
    await act(async () => undefined)
    expect(nodeOf('omar')).toBeNull()
    await push({ kind: 'people', dealId: base.id, people: [edited('grace', { title: 'CIO' })] })
    expect(text('grace', 'title')).toBe('CIO')
    expect(nodeOf('omar')).toBeNull()
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { department: 'IT', title: 'IT Controller' })] })
    expect(text('omar', 'title')).toBe('IT Controller')
  })

  it('survives a hostile push: control characters, a huge title, a non-finite place', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    const huge = 'x'.repeat(50_000)
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { name: 'Omar\u0000\u202e Haddad', title: huge })] })
    expect(card('omar').querySelector('.card-name')?.textContent).toBe('Omar\u0000\u202e Haddad')
    expect(text('omar', 'title')).toHaveLength(50_000)
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { position: { x: Number.NaN, y: 10 } })] })
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { position: { x: 40, y: 10 }, title: 'CFO' })] })
    expect(text('omar', 'title')).toBe('CFO')
    expect(nodeOf('omar')!.style.transform).toMatch(/translate\(40px,\s*10px\)/)
  })
})

describe('live cards under this laptop’s own edits', () => {
  it('undoes and redoes a stance right after a title: the card and the filter dimming follow', async () => {
    await openDeal(base)
    render(<MapUi />)
    await act(async () => undefined)
    act(() => useUiStore.getState().setFilters({ ...NO_FILTERS, stances: ['champion'] }))
    const store = () => useDealStore.getState()
    act(() => void store().dispatch({ type: 'set-field', stakeholderId: 'omar', field: 'title', value: 'Group CFO' }))
    act(() => void store().dispatch({ type: 'set-field', stakeholderId: 'omar', field: 'stance', value: 'champion' }))
    expect(card('omar').className).toContain('stance-champion')
    expect(card('omar').className).not.toContain('dimmed')
    act(() => store().undo())
    expect(card('omar').className).not.toContain('stance-champion')
    expect(card('omar').className).toContain('dimmed')
    expect(text('omar', 'title')).toBe('Group CFO')
    act(() => store().undo())
    expect(text('omar', 'title')).toBe('CFO')
    act(() => store().redo())
    act(() => store().redo())
    expect(text('omar', 'title')).toBe('Group CFO')
    expect(card('omar').className).toContain('stance-champion')
    expect(card('omar').className).not.toContain('dimmed')
  })

  it('shows the other deal’s people when a copy with the same ids is opened in the same map', async () => {
    await openDeal(base)
    render(<MapUi />)
    await act(async () => undefined)
    expect(text('grace', 'title')).toBe('Head of IT')
    const copy: Deal = { ...base, id: 'deal-b', name: 'Copy', stakeholders: base.stakeholders.map((s) => ({ ...s, title: `${s.title} (copy)`, innerCircle: true as const })) }
    await act(() => openDeal(copy))
    await act(async () => undefined)
    expect(text('grace', 'title')).toBe('Head of IT (copy)')
    expect(card('omar').className).toContain('inner-circle')
    // Closed and the first deal opened again: its people, not the copy's.
    await act(() => useDealStore.getState().close())
    expect(cardOf('grace')).toBeNull()
    await act(() => openDeal(base))
    await act(async () => undefined)
    expect(text('grace', 'title')).toBe('Head of IT')
    expect(card('omar').className).not.toContain('inner-circle')
  })

  it('shows a restored version whose people have the same ids, places and names (replace-deal) and undoes it', async () => {
    await openDeal(base)
    render(<MapUi />)
    await act(async () => undefined)
    const restored: Deal = { ...base, stakeholders: base.stakeholders.map((s) => ({ ...s, title: `${s.title} (March)`, ownerIds: [] })) }
    act(() => void useDealStore.getState().dispatch({ type: 'replace-deal', deal: restored }))
    expect(text('omar', 'title')).toBe('CFO (March)')
    act(() => useDealStore.getState().undo())
    expect(text('omar', 'title')).toBe('CFO')
  })

  it('shows a name change on the compact card (zoomed out, not far) and on a selected card', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => useDealStore.getState().select(['grace']))
    await push({ kind: 'people', dealId: base.id, people: [edited('grace', { title: 'CIO' })] })
    expect(card('grace').className).toContain('selected')
    expect(text('grace', 'title')).toBe('CIO')
    act(() => flowProbe.store!.setState({ transform: [0, 0, 0.28] }))
    await act(async () => undefined)
    expect(card('omar').className).toContain('compact')
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { name: 'Omar Q. Haddad', stance: 'champion' })] })
    expect(card('omar').querySelector('.card-name')?.textContent).toBe('Omar Q. Haddad')
    expect(card('omar').title).toContain('Omar Q. Haddad')
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { name: '', placeholder: true })] })
    expect(card('omar').className).toContain('placeholder')
    expect(card('omar').querySelector('.card-name')?.textContent).not.toBe('')
  })

  it('shows an edit made while a branch was collapsed once it is shown again', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => useBranchStore.getState().toggleCollapsed('grace'))
    await act(async () => undefined)
    expect(nodeOf('ines')).toBeNull()
    await push({ kind: 'people', dealId: base.id, people: [edited('ines', { title: 'Director of IT', ownerIds: ['s9'] })] })
    act(() => useBranchStore.getState().toggleCollapsed('grace'))
    await act(async () => undefined)
    expect(text('ines', 'title')).toBe('Director of IT')
  })

  it('keeps a department focus and filter through a spelling change of the same department', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => useUiStore.setState({ filters: { ...NO_FILTERS, departments: ['it'] }, showDepartments: true }))
    await act(async () => undefined)
    expect(card('omar').className).toContain('dimmed')
    expect(card('grace').className).not.toContain('dimmed')
    await push({ kind: 'people', dealId: base.id, people: [edited('grace', { department: 'it ' }), edited('ines', { department: 'It' })] })
    expect(text('grace', 'department')).toBe('it ')
    expect(card('grace').className).not.toContain('dimmed')
    expect(card('ines').className).not.toContain('dimmed')
  })
})

describe('typing on a card while a colleague edits the same person', () => {
  const typeName = async (id: string, value: string) => {
    act(() => startEditing(id, false))
    await act(async () => undefined)
    fireEvent.change(screen.getByTestId('inline-name'), { target: { value } })
  }

  it('keeps the colleague’s title when this laptop leaves the card having typed only the name', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    await typeName('omar', 'Omar H. Haddad')
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { title: 'Group CFO' })] })
    expect((screen.getByTestId('inline-title') as HTMLInputElement).value).toBe('Group CFO')
    fireEvent.keyDown(screen.getByTestId('inline-name'), { key: 'Escape' })
    await act(async () => undefined)
    expect(person('omar').title).toBe('Group CFO')
    expect(person('omar').name).toBe('Omar H. Haddad')
    expect(text('omar', 'title')).toBe('Group CFO')
  })

  it('still writes a field this laptop typed over the colleague’s', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    await typeName('omar', 'Omar H. Haddad')
    fireEvent.change(screen.getByTestId('inline-department'), { target: { value: 'Treasury' } })
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { department: 'Group Finance', title: 'Group CFO' })] })
    fireEvent.keyDown(screen.getByTestId('inline-name'), { key: 'Escape' })
    await act(async () => undefined)
    expect(person('omar').department).toBe('Treasury')
    expect(person('omar').title).toBe('Group CFO')
  })

  it('follows the colleague’s rename in the name field this laptop did not type in', async () => {
    const push = await openSharedDeal(base, <MapUi />)
    act(() => startEditing('omar', false))
    await act(async () => undefined)
    fireEvent.change(screen.getByTestId('inline-title'), { target: { value: 'Treasurer' } })
    await push({ kind: 'people', dealId: base.id, people: [edited('omar', { name: 'Omar Al-Haddad' })] })
    expect((screen.getByTestId('inline-name') as HTMLInputElement).value).toBe('Omar Al-Haddad')
    fireEvent.keyDown(screen.getByTestId('inline-title'), { key: 'Enter', ctrlKey: false })
    await act(async () => undefined)
    expect(person('omar').name).toBe('Omar Al-Haddad')
    expect(person('omar').title).toBe('Treasurer')
  })
})
