import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CollabEvent, CollabState } from '@shared/ipc'
import { useCollabSync } from '../../../renderer/collab/use-collab-sync'
import { useDealStore } from '../../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../../renderer/state/workspace-store'
import { aDeal, aRelationship, aSeller } from '../../fixtures/builders'
import { openDeal } from '../map/helpers'

/**
 * A colleague relates a seller of their own roster to a person of the shared deal: this page's
 * roster lacks them until main has written the deal's readable copy (a debounce later), and the
 * page named them by their id (walk team-shared-people). The page reads the roster again.
 */
describe('a colleague\'s seller new to this laptop', () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  it('is named once main has them, without reading the rest of the workspace again', async () => {
    const anna = aSeller('anna', { name: 'Anna Kowalski' })
    const bruno = aSeller('bruno-k', { name: 'Bruno Keller' })
    const deal = aDeal('d1').named('Contoso renewal', 'Contoso').withStakeholder('priya', { name: 'Priya Raman' }).build()
    await openDeal(deal, [anna])
    const state: CollabState = { dealId: 'd1', serverUrl: 'ws://127.0.0.1:1', documentName: 'deal/d1', role: 'editor', status: { kind: 'connected' }, presence: [], canUndo: false, canRedo: false }
    let push: (event: CollabEvent) => void = () => undefined
    let mainRoster = [anna]
    const loadWorkspace = vi.fn(async () => ({ ok: true as const, value: { roster: mainRoster } }))
    Object.assign(window.api as unknown as Record<string, unknown>, {
      collabState: vi.fn(async () => ({ ok: true as const, value: state })),
      setSharedSelection: async () => ({ ok: true as const, value: null }),
      onCollabEvent: (listener: (event: CollabEvent) => void) => {
        push = listener
        return () => undefined
      },
      loadWorkspace,
    })
    renderHook(() => useCollabSync())
    await act(async () => undefined)
    act(() => push({ kind: 'deal', dealId: 'd1', seq: 1, deal }))
    const related = { ...deal.stakeholders[0], relationships: [aRelationship('bruno-k', { goodwill: 5 })] }
    act(() => push({ kind: 'people', dealId: 'd1', seq: 2, people: [related] }))
    // Main has not written the readable copy yet: the first read finds no Bruno, a later one does.
    await vi.waitFor(() => expect(loadWorkspace).toHaveBeenCalledTimes(1), { timeout: 3_000 })
    mainRoster = [anna, bruno]
    await vi.waitFor(() => expect(useWorkspaceStore.getState().roster.map((s) => s.name)).toContain('Bruno Keller'), { timeout: 3_000 })
    expect(useWorkspaceStore.getState().loaded).toBe(true)
  })
})
