import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppError, Result, SnapshotInfo } from '@shared/ipc'
import { i18next } from '../../renderer/i18n'
import { SnapshotsPanel } from '../../renderer/snapshots/SnapshotsPanel'
import { useComparisonStore } from '../../renderer/snapshots/comparison-store'
import { aDeal } from '../fixtures/builders'
import { openDealInStores } from './relationships-helpers'

const kept: SnapshotInfo = { id: 'kept', name: 'Kept', createdAt: '2026-03-10T09:00:00.000Z' }

function installApi(refusal: AppError) {
  const api = {
    listSnapshots: vi.fn(async (): Promise<Result<SnapshotInfo[]>> => ({ ok: true, value: [kept] })),
    saveSnapshot: vi.fn(async (): Promise<Result<SnapshotInfo>> => ({ ok: false, error: refusal })),
    getSnapshot: vi.fn(),
  }
  ;(window as unknown as { api: unknown }).api = api
  return api
}

async function saveOnce(): Promise<void> {
  fireEvent.change(screen.getByLabelText('Snapshot name'), { target: { value: 'Before the CFO meeting' } })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save snapshot' }))
  })
}

describe('snapshots of a shared deal name the authors (docs/collaboration.md, "Snapshots and authors")', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'))
    // The comparison lives in a store: a later test must not start in the middle of this one's.
    useComparisonStore.getState().clear()
  })

  it('shows who took a snapshot and, beside each change since, who made it, in English and Chinese', async () => {
    const before = aDeal().named('Atlas', 'Nordwind').withStakeholder('cfo', { name: 'Thomas Becker', title: 'CFO' }).withStakeholder('coo', { name: 'Rahul Mehta' }).build()
    const now = { ...before, stakeholders: before.stakeholders.map((p) => (p.id === 'cfo' ? { ...p, title: 'Group CFO' } : p)) }
    const review: SnapshotInfo = { id: 'review', name: 'Review', createdAt: '2026-03-10T09:00:00.000Z', author: { name: 'Anna Kowalski', email: 'anna@example.com' } }
    const entry = (name: string, targets: string[]) => ({ id: name, at: '2026-03-11T09:00:00.000Z', author: { name, email: '' }, command: 'set-field', targets })
    const api = {
      listSnapshots: vi.fn(async () => ({ ok: true, value: [review] })),
      getSnapshot: vi.fn(async () => ({ ok: true, value: { info: review, deal: before } })),
      snapshotAuthors: vi.fn(async () => ({ ok: true, value: [entry('Bruno Keller', ['cfo']), entry('Chen Jing', ['cfo']), entry('Dana Lee', ['coo'])] })),
    }
    ;(window as unknown as { api: unknown }).api = api
    openDealInStores(now, [])
    await act(async () => {
      render(<SnapshotsPanel />)
    })
    expect(screen.getByTestId('snapshot-author').textContent).toContain('taken by Anna Kowalski')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Show changes' }))
    })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500)
    })
    vi.useRealTimers()
    expect(api.snapshotAuthors).toHaveBeenCalledWith(now.id, 'review', null)
    const authors = screen.getAllByTestId('change-authors')
    // Dana edited someone else: only the CFO's two editors are named beside the CFO's change.
    expect(authors.map((a) => a.textContent)).toEqual(['by Bruno Keller and Chen Jing'])
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByTestId('change-authors').textContent).toContain('修改人：Bruno Keller和Chen Jing')
    expect(screen.getByTestId('snapshot-author').textContent).toContain('由 Anna Kowalski 保存')
  })
})

describe('snapshots panel', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'))
    useComparisonStore.getState().clear()
  })

  it('says a refused save (disk full) in the user\'s language and keeps the list as it was', async () => {
    const api = installApi({ code: 'io', message: 'The disk is full, so your changes could not be saved.', reason: 'ENOSPC' })
    openDealInStores(aDeal().named('Atlas', 'Nordwind').build(), [])
    await act(async () => {
      render(<SnapshotsPanel />)
    })
    await saveOnce()
    expect(api.saveSnapshot).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('snapshot-save-error').textContent).toMatch(/not saved: the disk is full/)
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByTestId('snapshot-save-error').textContent).toContain('快照未保存：磁盘已满')
    expect(screen.getByTestId('snapshot-list').textContent).toContain('Kept')
  })

  it('says a snapshot too large to keep, and falls back to main\'s sentence for a failure it has no words for', async () => {
    installApi({ code: 'invalid-request', message: 'too large', reason: 'snapshot-too-large' })
    openDealInStores(aDeal().named('Atlas', 'Nordwind').build(), [])
    await act(async () => {
      render(<SnapshotsPanel />)
    })
    await saveOnce()
    expect(screen.getByTestId('snapshot-save-error').textContent).toMatch(/too large to be read back/)
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByTestId('snapshot-save-error').textContent).toContain('快照未保存：这个商机太大')
    await act(() => i18next.changeLanguage('en'))
    installApi({ code: 'internal', message: 'Something odd happened.' })
    await saveOnce()
    expect(screen.getByTestId('snapshot-save-error').textContent).toBe('The snapshot was not saved: Something odd happened.')
  })
})
