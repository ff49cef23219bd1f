import { describe, expect, it } from 'vitest'
import { StrengthStore } from '../../../renderer/map/strength-store'

describe('StrengthStore (the map\'s one strength subscription)', () => {
  it('tells only the cards whose strength changed, and keeps the unchanged summaries', () => {
    const store = new StrengthStore()
    store.update({ a: { band: 'weak', stale: false, strength: 2 }, b: { band: 'strong', stale: true, strength: 9 } })
    const heard: string[] = []
    store.subscribe('a', () => heard.push('a'))
    store.subscribe('b', () => heard.push('b'))
    const bBefore = store.get('b')

    store.update({ a: { band: 'workable', stale: false, strength: 5 }, b: { band: 'strong', stale: true, strength: 9 } })
    expect(heard).toEqual(['a'])
    expect(store.get('a')).toEqual({ band: 'workable', stale: false, strength: 5 })
    expect(store.get('b')).toBe(bBefore)

    // A person removed from the deal: their card hears of it and reads no summary.
    store.update({ a: { band: 'workable', stale: false, strength: 5 } })
    expect(heard).toEqual(['a', 'b'])
    expect(store.get('b')).toBeNull()
  })
})
