import { describe, expect, it } from 'vitest'
import { applyCommand, type DealCommand } from '@shared/commands'
import { aDeal, anAction } from '../../fixtures/builders'
import { applyAndUndo, refusal } from './harness'

const deal = () => aDeal().withStakeholder('li', { actions: [anAction('Invite to the plant visit', { id: 'a1', ownerId: 'anna', due: '2026-03-01' })] }).build()
const actions = (d: ReturnType<typeof deal>) => d.stakeholders[0].actions ?? []
const field = (c: Omit<Extract<DealCommand, { type: 'set-action-field' }>, 'type' | 'stakeholderId' | 'actionId'>, actionId = 'a1') =>
  ({ type: 'set-action-field', stakeholderId: 'li', actionId, ...c }) as DealCommand

describe('add-action', () => {
  it('adds a next action to the person', () => {
    const { after, policy } = applyAndUndo(deal(), { type: 'add-action', stakeholderId: 'li', action: { id: 'a2', what: 'Send the case study', done: false } })
    expect(actions(after).map((a) => a.what)).toEqual(['Invite to the plant visit', 'Send the case study'])
    expect(policy).toEqual({ capture: 'step' })
  })

  it('refuses an action with no words, an id already used, and someone not on the map', () => {
    expect(refusal(deal(), { type: 'add-action', stakeholderId: 'li', action: { id: 'a2', what: ' ', done: false } })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'add-action', stakeholderId: 'li', action: { id: 'a1', what: 'Again', done: false } })).toBe('duplicate-id')
    expect(refusal(deal(), { type: 'add-action', stakeholderId: 'ghost', action: { id: 'a2', what: 'x', done: false } })).toBe('unknown-stakeholder')
  })
})

describe('set-action-field', () => {
  it('marks done, changes who and when, and clears the owner or due date with null', () => {
    expect(actions(applyAndUndo(deal(), field({ field: 'done', value: true })).after)[0].done).toBe(true)
    expect(actions(applyAndUndo(deal(), field({ field: 'ownerId', value: 'ben' })).after)[0].ownerId).toBe('ben')
    const undated = actions(applyAndUndo(deal(), field({ field: 'due', value: null })).after)[0]
    expect('due' in undated).toBe(false)
    const d = deal()
    expect(applyCommand(d, field({ field: 'done', value: false }))).toBe(d)
  })

  it('refuses a due date that does not exist, clearing what is required, and an action no longer planned', () => {
    expect(refusal(deal(), field({ field: 'due', value: '2026-13-01' }))).toBe('invalid-value')
    expect(refusal(deal(), field({ field: 'what', value: null as unknown as string }))).toBe('invalid-value')
    expect(refusal(deal(), field({ field: 'done', value: true }, 'gone'))).toBe('unknown-action')
  })
})

describe('remove-action', () => {
  it('removes the action; one no longer planned is refused', () => {
    const { after } = applyAndUndo(deal(), { type: 'remove-action', stakeholderId: 'li', actionId: 'a1' })
    expect(actions(after)).toEqual([])
    expect(refusal(deal(), { type: 'remove-action', stakeholderId: 'li', actionId: 'gone' })).toBe('unknown-action')
  })
})
