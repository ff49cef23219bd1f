import { act, render } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MapToolbar } from '../../../renderer/map'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from './helpers'

/**
 * What floats over the canvas's top (focus banner, loop warning, line-kind chooser) is placed
 * below the map toolbar's measured height (map-detail.css, map.css): the toolbar keeps it on
 * the map area, and follows it when its filters wrap to another row.
 */
describe('the map toolbar says how tall it is', () => {
  afterEach(() => vi.restoreAllMocks())

  it('sets --map-toolbar-height on the map area, and changes it when the toolbar wraps', async () => {
    await openDeal(aDeal().withStakeholder('grace', { name: 'Grace Liu' }).build())
    let height = 44
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return { x: 0, y: 0, top: 0, left: 0, right: 900, bottom: this.classList.contains('map-toolbar') ? height : 0, width: 900, height: this.classList.contains('map-toolbar') ? height : 0, toJSON: () => ({}) } as DOMRect
    })
    const { container } = render(<main className="map-area"><MapToolbar /></main>)
    const area = container.querySelector<HTMLElement>('.map-area')!
    expect(area.style.getPropertyValue('--map-toolbar-height')).toBe('44px')
    // The filters wrap to a second and third row; the observer (the setup's shim calls back
    // once, after observe) reports the new size.
    height = 120.4
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10))
    })
    expect(area.style.getPropertyValue('--map-toolbar-height')).toBe('121px')
  })
})
