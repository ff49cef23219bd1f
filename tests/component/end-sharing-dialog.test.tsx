import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '../../renderer/i18n'
import { EndSharingDialog } from '../../renderer/collab/EndSharingDialog'

function installApi(result: { ok: true; value: null } | { ok: false; error: { code: string; message: string } }) {
  const api = { leaveSharedDeal: vi.fn(async () => result), unshareDeal: vi.fn(async () => result), loadWorkspace: vi.fn() }
  ;(window as unknown as { api: unknown }).api = api
  return api
}

describe('leaving or unsharing a shared deal asks in the app\'s own dialog', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'))
  })

  it('Cancel is the default and ends nothing; a refusal is said in the dialog and the deal is kept', async () => {
    const api = installApi({ ok: false, error: { code: 'io', message: 'The disk is full.' } })
    const onClose = vi.fn()
    render(<EndSharingDialog how="unshare" dealId="d1" dealName="Northwind rollout" onClose={onClose} />)
    expect(screen.getByText(/Stop sharing “Northwind rollout” on this laptop\?/)).toBeTruthy()
    expect(document.activeElement?.textContent).toBe('Cancel')
    fireEvent.click(screen.getByText('Cancel'))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(api.unshareDeal).not.toHaveBeenCalled()
    await act(async () => {
      fireEvent.click(screen.getByTestId('end-sharing-confirm'))
    })
    expect(api.unshareDeal).toHaveBeenCalledWith('d1')
    expect(screen.getByTestId('end-sharing-error').textContent).toBe('Nothing was changed: The disk is full.')
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('says it in Chinese', async () => {
    installApi({ ok: true, value: null })
    await act(() => i18next.changeLanguage('zh-CN'))
    render(<EndSharingDialog how="leave" dealId="d1" dealName="北风项目" onClose={() => undefined} />)
    expect(screen.getByRole('heading').textContent).toBe('退出这个共享商机？')
    expect(screen.getByText(/退出“北风项目”？/)).toBeTruthy()
    expect(screen.getByTestId('end-sharing-confirm').textContent).toBe('退出商机')
  })
})
