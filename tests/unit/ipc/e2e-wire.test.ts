import { describe, expect, it } from 'vitest'
import { wireCodec } from '../../e2e/harness/wire'

// Chromium mode's page ↔ main wire (tests/e2e/harness/wire.ts): one JSON string each way,
// bringing values as Electron's structured clone would (docs/performance.md, "Open, part 2").
const { encode, decode } = wireCodec()
const roundTrip = (value: unknown) => decode(encode(value))

describe('the e2e harness wire', () => {
  it('brings plain data back equal, and names that look like tags stay plain strings', () => {
    const deal = { id: 'd1', name: 'Ünïcode ✓ "quoted" \u0000wire', stakeholders: [{ id: 'a', position: { x: -1.5, y: 0 } }], empty: [], nested: { deep: [[1, 'two', null, true]] } }
    expect(roundTrip(deal)).toEqual(deal)
    expect(encode(deal).startsWith('0')).toBe(true) // nothing tagged: parsed once, no second walk
  })

  it('brings bytes back as a Uint8Array, from any view or an ArrayBuffer', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256)
    const back = roundTrip([bytes, bytes.buffer, new DataView(bytes.buffer, 2, 3)]) as Uint8Array[]
    expect(back.every((b) => b instanceof Uint8Array)).toBe(true)
    expect([...back[0]]).toEqual([...bytes])
    expect([...back[1]]).toEqual([...bytes])
    expect([...back[2]]).toEqual([...bytes.subarray(2, 5)])
  })

  it('keeps what JSON would lose: undefined (in arrays and as a value), NaN, ±∞ and dates', () => {
    const at = new Date('2026-12-02T10:00:00.000Z')
    const back = roundTrip({ list: [undefined, Number.NaN, Infinity, -Infinity], kept: undefined, at }) as Record<string, unknown>
    expect(back.list).toEqual([undefined, Number.NaN, Infinity, -Infinity])
    expect(Object.hasOwn(back, 'kept')).toBe(true)
    expect(back.kept).toBeUndefined()
    expect(back.at).toEqual(at)
    expect(roundTrip(undefined)).toBeUndefined()
  })
})
