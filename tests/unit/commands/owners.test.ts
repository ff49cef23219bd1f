import { describe, expect, it } from 'vitest'
import { applyCommand } from '@shared/commands'
import { LIMITS } from '@shared/model'
import { aDeal } from '../../fixtures/builders'
import { applyAndUndo, refusal } from './harness'

const deal = () => aDeal().withStakeholder('li', { ownerIds: ['anna'] }).build()

describe('add-owner', () => {
  it('adds a seller to the owners, one undo step', () => {
    const { after, policy } = applyAndUndo(deal(), { type: 'add-owner', stakeholderId: 'li', sellerId: 'ben' })
    expect(after.stakeholders[0].ownerIds).toEqual(['anna', 'ben'])
    expect(policy).toEqual({ capture: 'step' })
  })

  it('an owner already there changes nothing (no duplicate, no undo step)', () => {
    const d = deal()
    expect(applyCommand(d, { type: 'add-owner', stakeholderId: 'li', sellerId: 'anna' })).toBe(d)
  })

  it('refuses someone not on the map, a bad seller id, and more owners than the file holds', () => {
    expect(refusal(deal(), { type: 'add-owner', stakeholderId: 'ghost', sellerId: 'ben' })).toBe('unknown-stakeholder')
    expect(refusal(deal(), { type: 'add-owner', stakeholderId: 'li', sellerId: '' })).toBe('invalid-value')
    const many = aDeal().withStakeholder('li', { ownerIds: Array.from({ length: LIMITS.team }, (_, i) => `s${i}`) }).build()
    expect(refusal(many, { type: 'add-owner', stakeholderId: 'li', sellerId: 'one-more' })).toBe('limit-reached')
  })
})

describe('remove-owner', () => {
  it('removes the seller from the owners and keeps their assessment', () => {
    const d = aDeal().withStakeholder('li', { ownerIds: ['anna', 'ben'] }).withRelationship('li', 'anna', { value: 3 }).build()
    const { after, policy } = applyAndUndo(d, { type: 'remove-owner', stakeholderId: 'li', sellerId: 'anna' })
    expect(after.stakeholders[0].ownerIds).toEqual(['ben'])
    expect(after.stakeholders[0].relationships.map((r) => r.sellerId)).toEqual(['anna'])
    expect(policy.capture).toBe('step')
  })

  it('a seller who is not an owner changes nothing; someone not on the map is refused', () => {
    const d = deal()
    expect(applyCommand(d, { type: 'remove-owner', stakeholderId: 'li', sellerId: 'ben' })).toBe(d)
    expect(refusal(d, { type: 'remove-owner', stakeholderId: 'ghost', sellerId: 'anna' })).toBe('unknown-stakeholder')
  })
})
