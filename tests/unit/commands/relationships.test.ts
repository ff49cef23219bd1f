import { describe, expect, it } from 'vitest'
import { applyCommand, type DealCommand } from '@shared/commands'
import { aDeal } from '../../fixtures/builders'
import { applyAndUndo, refusal, undoSteps } from './harness'

const deal = () => aDeal().withStakeholder('li', { ownerIds: ['anna'] }).withRelationship('li', 'anna', { value: 2, depth: 1, frequency: 4 }).build()
const pair = { stakeholderId: 'li', sellerId: 'anna' }
const rel = (d: ReturnType<typeof deal>, sellerId = 'anna') => d.stakeholders[0].relationships.find((r) => r.sellerId === sellerId)

describe('set-element', () => {
  it('scores one element of one seller–stakeholder relationship', () => {
    const { after, policy } = applyAndUndo(deal(), { type: 'set-element', ...pair, element: 'goodwill', score: 3 })
    expect(rel(after)?.elements).toMatchObject({ value: 2, goodwill: 3, depth: 1 })
    expect(policy).toEqual({ capture: 'step' })
  })

  it('creates the relationship (unscored) when the seller had none', () => {
    const { after } = applyAndUndo(deal(), { type: 'set-element', stakeholderId: 'li', sellerId: 'ben', element: 'value', score: 4 })
    expect(rel(after, 'ben')?.elements).toEqual({ value: 4, goodwill: 0, dignity: 0, presence: 0, depth: 0 })
  })

  it('null puts frequency or length back to derived', () => {
    const { after } = applyAndUndo(deal(), { type: 'set-element', ...pair, element: 'frequency', score: null })
    expect(rel(after)?.elements.frequency).toBeUndefined()
    expect('frequency' in rel(after)!.elements).toBe(false)
  })

  it('refuses a score outside 0–5 or not whole, null on an element always scored, an unknown element or person', () => {
    expect(refusal(deal(), { type: 'set-element', ...pair, element: 'value', score: 6 })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-element', ...pair, element: 'value', score: 2.5 })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-element', ...pair, element: 'depth', score: null })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-element', ...pair, element: 'charm' as 'value', score: 1 })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-element', ...pair, stakeholderId: 'ghost', element: 'value', score: 1 })).toBe('unknown-stakeholder')
  })

  it('each score is its own undo step (a key press in the heatmap, a click in the scale)', () => {
    expect(undoSteps(deal(), [1, 2, 3].map((score): DealCommand => ({ type: 'set-element', ...pair, element: 'value', score })))).toBe(3)
  })
})

describe('raise-depth', () => {
  it('raises depth to what a contact showed, and never lowers it', () => {
    const { after } = applyAndUndo(deal(), { type: 'raise-depth', ...pair, depth: 3 })
    expect(rel(after)?.elements.depth).toBe(3)
    const deep = applyCommand(deal(), { type: 'set-element', ...pair, element: 'depth', score: 5 })
    expect(applyCommand(deep, { type: 'raise-depth', ...pair, depth: 3 })).toBe(deep)
  })

  it('refuses a depth off the scale', () => {
    expect(refusal(deal(), { type: 'raise-depth', ...pair, depth: 9 })).toBe('invalid-value')
  })
})

describe('add-relationship and remove-relationship', () => {
  it('starts and drops the assessment of a seller', () => {
    const { after } = applyAndUndo(deal(), { type: 'add-relationship', stakeholderId: 'li', sellerId: 'ben' })
    expect(after.stakeholders[0].relationships.map((r) => r.sellerId)).toEqual(['anna', 'ben'])
    const removed = applyAndUndo(after, { type: 'remove-relationship', stakeholderId: 'li', sellerId: 'anna' }).after
    expect(removed.stakeholders[0].relationships.map((r) => r.sellerId)).toEqual(['ben'])
  })

  it('adding one already assessed changes nothing; removing one not assessed is refused', () => {
    const d = deal()
    expect(applyCommand(d, { type: 'add-relationship', ...pair })).toBe(d)
    expect(refusal(d, { type: 'remove-relationship', stakeholderId: 'li', sellerId: 'ben' })).toBe('unknown-relationship')
  })
})

describe('set-relationship-field', () => {
  it('sets and clears the kind of value and the date known since', () => {
    const { after } = applyAndUndo(deal(), { type: 'set-relationship-field', ...pair, field: 'valueKind', value: 'family' })
    expect(rel(after)?.valueKind).toBe('family')
    const known = applyAndUndo(after, { type: 'set-relationship-field', ...pair, field: 'knownSince', value: '2019-05-01' }).after
    expect(rel(known)?.knownSince).toBe('2019-05-01')
    const cleared = applyAndUndo(known, { type: 'set-relationship-field', ...pair, field: 'valueKind', value: null }).after
    expect('valueKind' in rel(cleared)!).toBe(false)
  })

  it('refuses a date that does not exist and an unknown kind of value', () => {
    expect(refusal(deal(), { type: 'set-relationship-field', ...pair, field: 'knownSince', value: '2025-02-30' })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-relationship-field', ...pair, field: 'valueKind', value: 'bribe' as 'family' })).toBe('invalid-value')
  })
})
