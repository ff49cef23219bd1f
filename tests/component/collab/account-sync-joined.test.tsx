import { act, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CollabState } from '@shared/ipc'
import { useAccountSync } from '../../../renderer/accounts/use-account-sync'
import { useCollabSync } from '../../../renderer/collab/use-collab-sync'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from '../map/helpers'

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))

/**
 * A deal just joined (or opened after a restart) whose cards the account updates (docs/method.md,
 * "Accounts"): the page learns that the deal is shared only when main answers `collab:state`,
 * which may come after the account's answer. The account's command must wait for that answer
 * and go to the team's doc, not to the page's private save, where main's next push dropped it
 * and the next open applied it again as a surprise edit (walk team-shared-people, step 5).
 */
describe('the account update of a shared deal that has just opened', () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  it('goes to the team once main has said the deal is shared, not to a private save', async () => {
    const deal = aDeal('d1').named('Contoso renewal', 'Contoso').withStakeholder('priya', { name: 'Priya Raman', title: 'CFO' }).build()
    const disk = await openDeal(deal)
    const priya = deal.stakeholders[0]
    let answerSharing: (state: CollabState) => void = () => undefined
    const state: CollabState = { dealId: 'd1', serverUrl: 'ws://127.0.0.1:1', documentName: 'deal/d1', role: 'editor', status: { kind: 'connected' }, presence: [], canUndo: false, canRedo: false }
    const applySharedCommands = vi.fn(async () => ({ ok: true as const, value: { canUndo: true, canRedo: false } }))
    Object.assign(window.api as unknown as Record<string, unknown>, {
      collabState: vi.fn(() => new Promise((resolve) => { answerSharing = (s) => resolve({ ok: true, value: s }) })),
      onCollabEvent: () => () => undefined,
      setSharedSelection: async () => ({ ok: true as const, value: null }),
      applySharedCommands,
      accountForDeal: vi.fn(async () => ({
        ok: true as const,
        value: {
          accountId: 'acct-contoso', customer: 'Contoso', persons: [], notices: [],
          updates: [{ stakeholderId: 'priya', personId: 'person-7', name: priya.name, email: null, title: 'Chief Financial Officer', department: priya.department, relationships: priya.relationships, contacts: priya.contacts }],
        },
      })),
    })
    renderHook(() => {
      useCollabSync()
      useAccountSync()
    })
    await act(nextFrame)
    await act(nextFrame)
    // The account has answered; main has not yet said whether the deal is shared.
    expect(applySharedCommands).not.toHaveBeenCalled()
    await act(async () => answerSharing(state))
    await vi.waitFor(() => expect(applySharedCommands).toHaveBeenCalledTimes(1))
    const [dealId, commands] = applySharedCommands.mock.calls[0] as unknown as [string, { type: string }[]]
    expect([dealId, commands.map((c) => c.type)]).toEqual(['d1', ['apply-account-attributes']])
    await useDealStore.getState().flush()
    expect(disk.saved.some((d) => d.stakeholders[0]?.title === 'Chief Financial Officer')).toBe(false)
  })
})
