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

  it('works the first summaries out only when a card first asks, from the deal as it is then', () => {
    let asked = 0
    let strength = 2
    const store = new StrengthStore()
    store.fillWhenAsked(() => {
      asked++
      return { a: { band: 'weak', stale: false, strength } }
    })
    strength = 3 // an edit before any card asked
    expect(asked).toBe(0)
    expect(store.get('a')).toEqual({ band: 'weak', stale: false, strength: 3 })
    expect(store.get('a')).toEqual({ band: 'weak', stale: false, strength: 3 })
    expect(asked).toBe(1)
    expect(store.waiting).toBe(false)
  })
})
