import { describe, expect, it } from 'vitest'
import { dayNumber, wholeYearsBetween } from '@shared/analysis/dates'

// dates.ts remembers each checked date (docs/performance.md, analysis): the memory must never
// change an answer, let a bad date through, or grow without bound.
describe('calendar dates checked once', () => {
  it('still refuses an impossible date every time it is asked, also after real ones', () => {
    expect(dayNumber('2024-02-29')).toBe(19782)
    for (let i = 0; i < 3; i++) {
      expect(() => dayNumber('2026-02-30')).toThrow(RangeError)
      expect(() => dayNumber('2026-2-3')).toThrow(RangeError)
    }
  })

  it('answers the same for thousands of distinct dates (past the bound of what it remembers)', () => {
    const base = Date.UTC(2000, 0, 1) / 86_400_000
    for (let i = 0; i < 10_000; i++) {
      const iso = new Date((base + i) * 86_400_000).toISOString().slice(0, 10)
      expect(dayNumber(iso)).toBe(base + i)
    }
    expect(wholeYearsBetween('2020-02-29', '2021-02-28')).toBe(0)
    expect(wholeYearsBetween('2020-02-29', '2021-03-01')).toBe(1)
  })
})
