import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import i18next from 'i18next'
import type { Api } from '@shared/ipc'
import type { AccountPerson } from '@shared/accounts'
import type { Deal, Stakeholder } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { useAccountStore } from '../../../renderer/accounts/account-store'
import { useBranchStore } from '../../../renderer/map/branch-store'
import { MapStatusBadge } from '../../../renderer/insights'
import { CollabBar } from '../../../renderer/collab'
import { AddFromAccountDialog } from '../../../renderer/accounts/AddFromAccountDialog'
import { SearchBox } from '../../../renderer/map/SearchBox'
import { FocusBanner } from '../../../renderer/map/FocusBanner'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from '../map/helpers'
import { Room } from '../map/war-room'
import { openSharedDeal } from '../collab/shared-deal'

/** The ids of the cards the map shows (React Flow leaves hidden ones out of the DOM). */
const shownCards = () => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => n.dataset.id).sort()

/**
 * Today's narrowed subscriptions (the badge on the deferred deal and memoised on its analysis,
 * the sharing menu on the deal's id and name, the search box only while a query is typed, the
 * focus banner only while shown, the account dialog only while open) must never leave what a
 * user reads behind the deal: a local edit and its undo, a colleague's rename or deletion, a
 * switch of language.
 */
describe('views that read less of the deal stay current', () => {
  afterEach(async () => {
    useDealStore.getState().setSharedSink(null)
    useBranchStore.setState({ focus: null })
    useAccountStore.getState().setAddOpen(false)
    await act(async () => void (await i18next.changeLanguage('en')))
  })

  const grace = { name: 'Grace Liu', title: 'Head of IT', department: 'IT', buyingRole: 'decision-maker', stance: 'neutral' } as const
  const deal: Deal = aDeal('d-narrow').named('Northwind rollout', 'Northwind')
    .withStakeholder('grace', grace)
    .withStakeholder('omar', { name: 'Omar Haddad', title: 'CFO', department: 'Finance' })
    .build()

  async function openShared(ui: React.ReactNode, extra: Partial<Record<keyof Api, unknown>> = {}) {
    const push = await openSharedDeal(deal, ui, extra)
    return {
      renamed: (id: string, name: string) => push({ kind: 'people', dealId: deal.id, people: [{ ...deal.stakeholders.find((s) => s.id === id)!, name } as Stakeholder] }),
      deleted: (id: string) => push({ kind: 'deal', dealId: deal.id, deal: { ...deal, stakeholders: deal.stakeholders.filter((s) => s.id !== id) } }),
      dealRenamed: (name: string) => push({ kind: 'deal', dealId: deal.id, deal: { ...deal, name } }),
    }
  }

  const status = () => screen.getByTestId('map-status')

  it('the map status follows a local edit, its undo and redo, and the language', async () => {
    await openDeal(deal)
    render(<MapStatusBadge />)
    await waitFor(() => expect(status().dataset.status).toBe('red'))
    act(() => void useDealStore.getState().dispatch({ type: 'set-field', stakeholderId: 'grace', field: 'stance', value: 'champion' }))
    await waitFor(() => expect(status().dataset.status).toBe('green'))
    act(() => useDealStore.getState().undo())
    await waitFor(() => expect(status().dataset.status).toBe('red'))
    act(() => useDealStore.getState().redo())
    await waitFor(() => expect(status().dataset.status).toBe('green'))
    expect(screen.getByTestId('map-status-line').textContent).toContain('Green')
    await act(async () => void (await i18next.changeLanguage('zh-CN')))
    expect(screen.getByTestId('map-status-line').textContent).toContain('绿')
    act(() => useDealStore.getState().undo())
    await waitFor(() => expect(status().dataset.status).toBe('red'))
    expect(screen.getByTestId('map-status-line').textContent).toContain('红')
    fireEvent.click(status())
    expect(screen.getByTestId('map-status-definition').textContent).toContain('关系图状态的含义')
  })

  it('the search results follow a colleague renaming and deleting the person found', async () => {
    const colleague = await openShared(<SearchBox />)
    fireEvent.change(screen.getByTestId('map-search'), { target: { value: 'grace' } })
    expect(screen.getByTestId('search-results').textContent).toContain('Grace Liu')
    await colleague.renamed('grace', 'Grace Lee')
    expect(screen.getByTestId('search-results').textContent).toContain('Grace Lee')
    expect(screen.getByTestId('search-results').textContent).not.toContain('Grace Liu')
    await colleague.deleted('grace')
    expect(screen.getByTestId('search-results').textContent).toBe('No one matches.')
    // Enter picks no one who is gone.
    fireEvent.keyDown(screen.getByTestId('map-search'), { key: 'Enter' })
    expect(useDealStore.getState().focusRequest?.id).not.toBe('grace')
  })

  it("a search typed after a colleague's edit finds the new name", async () => {
    const colleague = await openShared(<SearchBox />)
    await colleague.renamed('omar', 'Omar Said')
    fireEvent.change(screen.getByTestId('map-search'), { target: { value: 'said' } })
    expect(screen.getByTestId('search-results').textContent).toContain('Omar Said')
  })

  it('the focus banner follows a colleague renaming the focused person, and goes when they are deleted', async () => {
    const colleague = await openShared(<FocusBanner />)
    act(() => useBranchStore.getState().setFocus({ kind: 'branch', id: 'grace' }))
    expect(screen.getByTestId('focus-banner').textContent).toContain("Showing Grace Liu's branch")
    await colleague.renamed('grace', 'Grace Lee')
    expect(screen.getByTestId('focus-banner').textContent).toContain("Showing Grace Lee's branch")
    await colleague.deleted('grace')
    // Her branch is gone with her: no "Showing 's branch" over an empty map, everyone is shown again.
    expect(screen.queryByTestId('focus-banner')).toBeNull()
  })

  it('the map shows everyone once a colleague deletes the person whose branch it showed', async () => {
    const colleague = await openShared(<Room />)
    act(() => useBranchStore.getState().setFocus({ kind: 'branch', id: 'grace' }))
    await waitFor(() => expect(shownCards()).toEqual(['grace']))
    await colleague.deleted('grace')
    await waitFor(() => expect(shownCards()).toEqual(['omar']))
    // The focus ended with her, so the banner and 'Show everyone' go too.
    expect(useBranchStore.getState().focus).toBeNull()
  })

  it("the open sharing menu shows the team's changes again after a colleague's edit; the end dialog names the renamed deal", async () => {
    const log = vi.fn(async () => ({ ok: true as const, value: [] }))
    const colleague = await openShared(<CollabBar />, { sharedChangeLog: log })
    fireEvent.click(await screen.findByTestId('collab-menu'))
    await waitFor(() => expect(log).toHaveBeenCalledTimes(1))
    await colleague.renamed('omar', 'Omar Said')
    await waitFor(() => expect(log).toHaveBeenCalledTimes(2))
    fireEvent.click(screen.getByTestId('collab-unshare'))
    await colleague.dealRenamed('Northwind phase 2')
    expect(document.body.textContent).toContain('Northwind phase 2')
  })

  it("'Add from account' opened after edits offers no one already on the map, and drops whoever a colleague adds while it is open", async () => {
    const person = (id: string, name: string): AccountPerson => ({ id, name, title: 'Buyer', department: 'Procurement', relationships: [], contacts: [], updatedAt: '2026-12-01T00:00:00.000Z', seenIn: [] })
    const persons = [person('acc-ann', 'Ann Ortiz'), person('acc-ben', 'Ben Wu')]
    const colleague = await openShared(<AddFromAccountDialog />, {
      accountForDeal: async () => ({ ok: true as const, value: { customer: 'Northwind', persons } }),
    })
    // A colleague put Ann on the map before the dialog opened.
    const withAnn = { ...deal, stakeholders: [...deal.stakeholders, { ...deal.stakeholders[1], id: 'ann', name: 'Ann Ortiz', personId: 'acc-ann' }] }
    await act(async () => void useDealStore.getState().applyRemoteDeal(withAnn))
    act(() => useAccountStore.getState().setAddOpen(true))
    await screen.findByTestId('account-people')
    expect(screen.getAllByTestId('account-person').map((b) => b.querySelector('.account-person-name')?.textContent)).toEqual(['Ben Wu'])
    // While it is open, a colleague adds Ben.
    const withBen = { ...withAnn, stakeholders: [...withAnn.stakeholders, { ...deal.stakeholders[1], id: 'ben', name: 'Ben Wu', personId: 'acc-ben' }] }
    await act(async () => void useDealStore.getState().applyRemoteDeal(withBen))
    expect(screen.queryAllByTestId('account-person')).toHaveLength(0)
    void colleague
  })
})
