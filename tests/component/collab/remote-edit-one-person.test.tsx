import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Api, CollabEvent, CollabState } from '@shared/ipc'
import type { Deal, Stakeholder } from '@shared/model'
import { useCollabSync } from '../../../renderer/collab/use-collab-sync'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from '../map/helpers'
import { Room } from '../map/war-room'

/**
 * A colleague's edit of one field reaches the page as that one person (`people` push,
 * shared/deal-push.ts; docs/collaboration-app.md, "Who does what"): it shows on the card, the
 * selection stays, and a field being typed in keeps its words and its caret, even when the
 * colleague changed another field of the same person and the typing is still on its way to main.
 */
describe('a colleague edits one field of one person', () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  function Shared() {
    useCollabSync()
    return <Room />
  }

  async function openShared(deal: Deal) {
    await openDeal(deal)
    const state: CollabState = { dealId: deal.id, serverUrl: 'ws://127.0.0.1:1', documentName: `deal/${deal.id}`, role: 'editor', status: { kind: 'connected' }, presence: [], canUndo: false, canRedo: false }
    let push: (event: CollabEvent) => void = () => undefined
    const api = window.api as unknown as Record<string, unknown>
    const calls = {
      collabState: vi.fn(async () => ({ ok: true as const, value: state })),
      // What the page types stays on its way to main for the whole test.
      applySharedCommands: vi.fn(() => new Promise<never>(() => undefined)),
    }
    Object.assign(api, calls, {
      setSharedSelection: async () => ({ ok: true as const, value: null }),
      onCollabEvent: (listener: (event: CollabEvent) => void) => {
        push = listener
        return () => undefined
      },
    } satisfies Partial<Record<keyof Api, unknown>>)
    render(<Shared />)
    await act(async () => undefined) // collab:state answered: the deal is shared
    expect(useDealStore.getState().shared).toBe(true)
    return { calls, push: (event: CollabEvent) => act(() => push(event)) }
  }

  const deal = aDeal().named('Northwind rollout', 'Northwind')
    .withStakeholder('grace', { name: 'Grace Liu', title: 'CIO', department: 'IT' })
    .withStakeholder('omar', { name: 'Omar Haddad', title: 'CFO' })
    .build()
  const withTitle = (s: Stakeholder, title: string): Stakeholder => ({ ...s, title })

  it('shows the new title on the card, keeps the selection and the caret of the field being typed in', async () => {
    const { push } = await openShared(deal)
    push({ kind: 'deal', dealId: deal.id, seq: 1, deal })
    act(() => useDealStore.getState().select(['grace']))
    const department = screen.getByTestId('field-department') as HTMLInputElement
    department.focus()
    fireEvent.change(department, { target: { value: 'IT Risk' } })
    department.setSelectionRange(2, 2)

    const [grace, omar] = deal.stakeholders
    push({ kind: 'people', dealId: deal.id, seq: 2, people: [withTitle(omar, 'Chief Financial Officer')] })
    expect(screen.getByText('Chief Financial Officer')).toBeTruthy()
    // Grace's own title, changed by the colleague while her department is being typed here.
    push({ kind: 'people', dealId: deal.id, seq: 3, people: [withTitle(grace, 'Chief Information Officer')] })
    expect(screen.getAllByText('Chief Information Officer').length).toBeGreaterThan(0)
    expect((screen.getByTestId('field-title') as HTMLInputElement).value).toBe('Chief Information Officer')

    expect(useDealStore.getState().selection).toEqual(['grace'])
    expect(document.activeElement).toBe(department)
    expect(department.value).toBe('IT Risk')
    expect([department.selectionStart, department.selectionEnd]).toEqual([2, 2])
    const shown = useDealStore.getState().deal!
    expect(shown.stakeholders.map((s) => [s.title, s.department])).toEqual([['Chief Information Officer', 'IT Risk'], ['Chief Financial Officer', '']])
  })

  it('asks main for the whole deal when a push went missing, and shows nothing half-applied', async () => {
    const { calls, push } = await openShared(deal)
    push({ kind: 'deal', dealId: deal.id, seq: 1, deal })
    const asked = calls.collabState.mock.calls.length
    push({ kind: 'people', dealId: deal.id, seq: 3, people: [withTitle(deal.stakeholders[1], 'Treasurer')] })
    await act(async () => undefined)
    expect(calls.collabState.mock.calls.length).toBe(asked + 1)
    expect(screen.queryByText('Treasurer')).toBeNull()
    // Main answers with the whole deal; patches apply to it again.
    const whole = { ...deal, stakeholders: [deal.stakeholders[0], withTitle(deal.stakeholders[1], 'Treasurer')] }
    push({ kind: 'deal', dealId: deal.id, seq: 3, deal: whole })
    push({ kind: 'people', dealId: deal.id, seq: 4, people: [withTitle(deal.stakeholders[1], 'Group Treasurer')] })
    expect(screen.getByText('Group Treasurer')).toBeTruthy()
  })
})
