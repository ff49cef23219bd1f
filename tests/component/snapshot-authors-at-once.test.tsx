import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SnapshotInfo } from '@shared/ipc'
import { SnapshotsPanel } from '../../renderer/snapshots/SnapshotsPanel'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal } from '../fixtures/builders'
import { openDealInStores } from './relationships-helpers'

/**
 * In the review meeting the comparison opens with its authors: the changes are not shown
 * unnamed first and named a moment later (the names popping in beside every line). Only a
 * colleague's later edit waits for the live deal to be still before asking again.
 */
describe('the comparison names who made each change at once', () => {
  afterEach(() => vi.useRealTimers())

  it('asks for the authors when Show changes is pressed, then again only once a colleague’s edit has settled', async () => {
    const before = aDeal().named('Northwind rollout', 'Northwind').withStakeholder('grace', { name: 'Grace Liu', title: 'CIO' }).build()
    const now = { ...before, stakeholders: before.stakeholders.map((p) => ({ ...p, stance: 'champion' as const })) }
    const review: SnapshotInfo = { id: 'review', name: 'Before the review', createdAt: '2026-03-10T09:00:00.000Z', author: { name: 'Anna Kowalski', email: 'anna@example.com' } }
    const api = {
      listSnapshots: vi.fn(async () => ({ ok: true, value: [review] })),
      getSnapshot: vi.fn(async () => ({ ok: true, value: { info: review, deal: before } })),
      snapshotAuthors: vi.fn(async () => ({ ok: true, value: [{ id: 'e1', at: '2026-03-11T09:00:00.000Z', author: { name: 'Bruno Keller', email: '' }, command: 'set-field', targets: ['grace'] }] })),
    }
    ;(window as unknown as { api: unknown }).api = api
    openDealInStores(now, [])
    await act(async () => {
      render(<SnapshotsPanel />)
    })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show changes' }))
    })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(api.snapshotAuthors).toHaveBeenCalledTimes(1)
    // On a line of its own under the change, without a stray "·" at the start or end of a line.
    expect(screen.getByTestId('change-authors').textContent).toBe('by Bruno Keller')

    // A colleague's edit lands: asked again once the deal has been still a moment, not at every keystroke.
    await act(async () => {
      useDealStore.setState({ deal: { ...now, name: 'Northwind rollout 2027' } })
    })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0)
    })
    expect(api.snapshotAuthors).toHaveBeenCalledTimes(1)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500)
    })
    expect(api.snapshotAuthors).toHaveBeenCalledTimes(2)
  })
})
