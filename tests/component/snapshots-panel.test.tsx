import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppError, Result, SnapshotInfo } from '@shared/ipc'
import { i18next } from '../../renderer/i18n'
import { SnapshotsPanel } from '../../renderer/snapshots/SnapshotsPanel'
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

describe('snapshots panel', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'))
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
