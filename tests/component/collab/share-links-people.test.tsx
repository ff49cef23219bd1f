import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Deal } from '@shared/model'
import { ShareDialog } from '../../../renderer/collab/ShareDialog'
import { useCollabStore } from '../../../renderer/collab/collab-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from '../map/helpers'

/**
 * "Share with team…" on a deal whose people were entered since it opened (docs/method.md, "One
 * person, several ids"): the cards carry their account person's id in the state main seeds the
 * shared document from, so a colleague's laptop takes those ids as they are instead of naming
 * the people anew, which relinked every card on the next open of either laptop (one change
 * waiting per open, team-restart-offline.e2e.ts step 3b).
 */
describe('sharing a deal links its people to the account first', () => {
  it('the deal saved before the share names each card\'s account person; nothing is said about it', async () => {
    const deal = aDeal('d1').withStakeholder('priya', { name: 'Priya Raman', title: 'CFO' }).build()
    const disk = await openDeal({ ...deal, customer: 'Globex' })
    const priya = deal.stakeholders[0]
    let savedWhenShared: Deal | undefined
    const api = (window as unknown as { api: Record<string, unknown> }).api
    api.accountForDeal = vi.fn(async () => ({
      ok: true as const,
      value: {
        accountId: 'acct-globex', customer: 'Globex', persons: [], notices: [],
        updates: [{ stakeholderId: 'priya', personId: 'person-7', name: priya.name, email: null, title: priya.title, department: priya.department, relationships: priya.relationships, contacts: priya.contacts }],
      },
    }))
    api.shareDeal = vi.fn(async () => {
      savedWhenShared = disk.saved.at(-1)
      return { ok: false as const, error: { code: 'io', message: 'The server is not there.', reason: 'unreachable' } }
    })
    act(() => useCollabStore.getState().openDialog('share'))
    render(<ShareDialog />)
    for (const [field, value] of [['serverUrl', 'ws://127.0.0.1:1234'], ['token', 'token-of-anna-0000000001'], ['name', 'Anna Kowalski']]) {
      fireEvent.change(screen.getByTestId(`collab-${field}`), { target: { value } })
    }
    await act(async () => {
      fireEvent.click(screen.getByTestId('collab-submit'))
    })
    await vi.waitFor(() => expect(api.shareDeal).toHaveBeenCalled())
    expect(savedWhenShared?.stakeholders.map((s) => s.personId)).toEqual(['person-7'])
    // Linking is invisible: no "n people updated from the account" notice for it.
    expect(screen.queryByText(/updated from the account/)).toBeNull()
  })
})
