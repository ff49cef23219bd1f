import { describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { useAccountSync } from '../../../renderer/accounts/use-account-sync'
import { aDeal } from '../../fixtures/builders'
import { installApi, openDeal } from '../map/helpers'

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))

/**
 * The account sync of a deal that opens (docs/method.md, "Accounts") asks main only after the
 * deal's first frame: main's answer is not needed to draw the map, and asking at once made
 * main read the deal and walk its account while the page drew it (docs/performance.md,
 * "Open, part 2").
 */
describe('the account sync on open', () => {
  it('asks main after the first frame, not in the commit that shows the deal', async () => {
    const deal = aDeal('d1').withStakeholder('a', { name: 'A' }).build()
    await openDeal(deal)
    installApi(deal)
    const accountForDeal = vi.fn(async () => ({ ok: true as const, value: null }))
    ;(window as unknown as { api: Record<string, unknown> }).api.accountForDeal = accountForDeal
    renderHook(() => useAccountSync())
    expect(accountForDeal).not.toHaveBeenCalled()
    await act(nextFrame)
    expect(accountForDeal).toHaveBeenCalledWith('d1')
  })
})
