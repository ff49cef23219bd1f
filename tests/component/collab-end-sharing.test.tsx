import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '../../renderer/i18n'
import { CollabBar } from '../../renderer/collab/CollabBar'
import { useCollabStore } from '../../renderer/collab/collab-store'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal } from '../fixtures/builders'

const deal = aDeal('deal-1').named('Core banking', 'Harbor City Bank').build()

function shared() {
  const api = { unshareDeal: vi.fn(async () => ({ ok: true, value: null })), leaveSharedDeal: vi.fn(async () => ({ ok: true, value: null })), sharedChangeLog: vi.fn(async () => ({ ok: true, value: [] })) }
  ;(window as unknown as { api: unknown }).api = api
  useDealStore.setState({ deal })
  useCollabStore.getState().setState({ dealId: 'deal-1', serverUrl: 'ws://127.0.0.1:1234', documentName: 'deal/deal-1', role: 'editor', status: { kind: 'connected' }, presence: [], canUndo: false, canRedo: false })
  const confirm = vi.spyOn(window, 'confirm')
  render(<CollabBar />)
  return { api, confirm }
}

describe("ending a share asks in the app's own dialog, in the user's language", () => {
  afterEach(async () => {
    vi.restoreAllMocks()
    useCollabStore.getState().setState(null)
    useDealStore.setState({ deal: undefined })
    await act(() => i18next.changeLanguage('en'))
  })

  it('"Stop sharing here" opens the dialog naming the deal; Cancel stops nothing, the confirm button stops sharing', async () => {
    const { api, confirm } = shared()
    fireEvent.click(screen.getByTestId('collab-menu'))
    fireEvent.click(screen.getByTestId('collab-unshare'))
    expect(screen.getByTestId('collab-end-dialog').getAttribute('aria-label')).toBe('Stop sharing on this laptop?')
    expect(screen.getByTestId('collab-end-text').textContent).toContain('“Core banking”')
    fireEvent.click(screen.getByTestId('collab-end-cancel'))
    expect(screen.queryByTestId('collab-end-dialog')).toBeNull()
    expect(api.unshareDeal).not.toHaveBeenCalled()

    fireEvent.click(screen.getByTestId('collab-menu'))
    fireEvent.click(screen.getByTestId('collab-unshare'))
    await act(async () => fireEvent.click(screen.getByTestId('collab-end-confirm')))
    expect(api.unshareDeal).toHaveBeenCalledWith('deal-1')
    expect(confirm).not.toHaveBeenCalled()
  })

  it('"Leave" says so in Chinese when the app speaks Chinese', async () => {
    const { api } = shared()
    await act(() => i18next.changeLanguage('zh-CN'))
    fireEvent.click(screen.getByTestId('collab-menu'))
    fireEvent.click(screen.getByTestId('collab-leave'))
    expect(screen.getByTestId('collab-end-dialog').getAttribute('aria-label')).toBe('退出此共享商机？')
    expect(screen.getByTestId('collab-end-confirm').textContent).toBe('退出商机')
    expect(screen.getByTestId('collab-end-cancel').textContent).toBe('取消')
    expect(api.leaveSharedDeal).not.toHaveBeenCalled()
  })
})
