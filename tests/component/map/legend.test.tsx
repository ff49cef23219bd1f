import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { Legend } from '../../../renderer/map/Legend'

const toggle = () => screen.getByRole('button', { name: /legend/i })
const atHeight = (h: number) => Object.defineProperty(window, 'innerHeight', { configurable: true, value: h })

describe('the map legend', () => {
  afterEach(() => {
    localStorage.clear()
    atHeight(768)
  })

  it('starts folded on a 1280 × 720 window, where it would cover a third of the map, and open on 1440 × 900', () => {
    atHeight(720)
    const { unmount } = render(<Legend />)
    expect(toggle().getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByTestId('legend-line-reports-to')).toBeNull()
    unmount()
    atHeight(900)
    render(<Legend />)
    expect(toggle().getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByTestId('legend-line-reports-to')).toBeTruthy()
  })

  it('stays as the user left it, on the next map and after a restart', () => {
    atHeight(900)
    const first = render(<Legend />)
    fireEvent.click(toggle())
    expect(toggle().getAttribute('aria-expanded')).toBe('false')
    first.unmount()
    render(<Legend />)
    expect(toggle().getAttribute('aria-expanded')).toBe('false')
  })
})
