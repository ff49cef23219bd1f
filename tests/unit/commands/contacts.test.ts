import { describe, expect, it } from 'vitest'
import { applyCommand } from '@shared/commands'
import { depthSuggestedBy } from '@shared/method'
import { LIMITS } from '@shared/model'
import { aContact, aDeal } from '../../fixtures/builders'
import { applyAndUndo, refusal, undoSteps } from './harness'

const deal = () => aDeal().withStakeholder('li', { ownerIds: ['anna'] }).withContact('li', 'anna', '2026-02-20').withContact('li', 'anna', '2026-01-05').build()

describe('log-contact', () => {
  it('adds the contact to the log, kept newest first', () => {
    const { after, policy } = applyAndUndo(deal(), { type: 'log-contact', stakeholderId: 'li', contact: aContact('ben', '2026-02-01', 'call', 'lunch') })
    expect(after.stakeholders[0].contacts.map((c) => c.date)).toEqual(['2026-02-20', '2026-02-01', '2026-01-05'])
    expect(policy).toEqual({ capture: 'step' })
  })

  it('cleans the note of invisible characters and keeps its line breaks', () => {
    const after = applyCommand(deal(), { type: 'log-contact', stakeholderId: 'li', contact: aContact('anna', '2026-03-01', 'visit', 'one\u0007\r\ntwo') })
    expect(after.stakeholders[0].contacts[0].note).toBe('one\ntwo')
  })

  it('refuses a date that does not exist, an unknown channel, a full log and someone not on the map', () => {
    expect(refusal(deal(), { type: 'log-contact', stakeholderId: 'li', contact: aContact('anna', '2026-02-30') })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'log-contact', stakeholderId: 'li', contact: aContact('anna', '2026-02-01', 'pigeon' as 'call') })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'log-contact', stakeholderId: 'ghost', contact: aContact('anna', '2026-02-01') })).toBe('unknown-stakeholder')
    const full = aDeal().withStakeholder('li', { contacts: Array.from({ length: LIMITS.contactsPerStakeholder }, () => aContact('anna', '2026-01-01')) }).build()
    expect(refusal(full, { type: 'log-contact', stakeholderId: 'li', contact: aContact('anna', '2026-02-01') })).toBe('limit-reached')
  })

  it('two contacts logged are two undo steps', () => {
    const log = (date: string) => ({ type: 'log-contact' as const, stakeholderId: 'li', contact: aContact('anna', date) })
    expect(undoSteps(deal(), [log('2026-03-01'), log('2026-03-02')])).toBe(2)
  })
})

describe('remove-contact', () => {
  it('removes that contact (matched by what it says, not by its place in the list)', () => {
    const d = deal()
    const { after } = applyAndUndo(d, { type: 'remove-contact', stakeholderId: 'li', contact: d.stakeholders[0].contacts[1] })
    expect(after.stakeholders[0].contacts.map((c) => c.date)).toEqual(['2026-02-20'])
  })

  it('refuses a contact no longer in the log', () => {
    expect(refusal(deal(), { type: 'remove-contact', stakeholderId: 'li', contact: aContact('anna', '1999-01-01') })).toBe('unknown-contact')
  })
})

describe('the depth a contact suggests', () => {
  it('business advice suggests depth 3, personal advice 4, only above the depth already scored', () => {
    const li = aDeal().withStakeholder('li').withRelationship('li', 'anna', { depth: 3 }).build().stakeholders[0]
    expect(depthSuggestedBy(li, aContact('anna', '2026-01-01', 'business-advice'))).toBeUndefined()
    expect(depthSuggestedBy(li, aContact('anna', '2026-01-01', 'personal-advice'))).toBe(4)
    expect(depthSuggestedBy(li, aContact('ben', '2026-01-01', 'business-advice'))).toBe(3)
    expect(depthSuggestedBy(li, aContact('ben', '2026-01-01', 'visit'))).toBeUndefined()
  })
})
