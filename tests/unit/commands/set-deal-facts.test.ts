import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError, DealFactsError } from '@shared/commands'
import { emptyHistory, record, undo } from '@shared/history'
import type { Deal } from '@shared/model'
import { aDeal } from '../../fixtures/builders'

const base = (): Deal => aDeal('d').withStakeholder('li').build()

function refusal(deal: Deal, patch: object): DealFactsError {
  try {
    applyCommand(deal, { type: 'set-deal-facts', patch } as never)
  } catch (e) {
    if (e instanceof DealFactsError) return e
    throw e
  }
  throw new Error('the patch was applied')
}

describe('set-deal-facts', () => {
  it('sets every fact of the deal at once and leaves its people and team alone', () => {
    const deal = base()
    const next = applyCommand(deal, {
      type: 'set-deal-facts',
      patch: {
        name: '  Hospital ERP  ', customer: 'St. Mary Group', stage: 'propose', amount: { value: 1_250_000, currency: 'EUR' },
        closeDate: '2027-03-31', competitors: [' SAP ', 'Oracle'], notes: 'Board decides in March.\nBudget approved.',
      },
    })
    expect(next).toMatchObject({
      name: 'Hospital ERP', customer: 'St. Mary Group', stage: 'propose', amount: { value: 1_250_000, currency: 'EUR' },
      closeDate: '2027-03-31', competitors: ['SAP', 'Oracle'], notes: 'Board decides in March.\nBudget approved.',
    })
    expect(next.stakeholders).toBe(deal.stakeholders)
    expect(next.links).toBe(deal.links)
    expect(next.team).toBe(deal.team)
  })

  it('is one undo step that restores every field it changed', () => {
    const deal = base()
    const next = applyCommand(deal, { type: 'set-deal-facts', patch: { customer: 'Other Group', stage: 'negotiate', closeDate: '2027-01-15' } })
    const history = record(emptyHistory<Deal>(), deal, next, 'step')
    expect(history.past).toHaveLength(1)
    const back = undo(history, next)!
    expect(back.state).toBe(deal)
    expect(back.state).toMatchObject({ customer: deal.customer, stage: deal.stage, closeDate: deal.closeDate })
    expect(deal.customer).not.toBe('Other Group')
  })

  it('clears the close date with null', () => {
    const dated = applyCommand(base(), { type: 'set-deal-facts', patch: { closeDate: '2027-01-15' } })
    expect(applyCommand(dated, { type: 'set-deal-facts', patch: { closeDate: null } }).closeDate).toBeNull()
  })

  it('returns the same deal when nothing changes, so saving an untouched form is no undo step', () => {
    const deal = base()
    expect(applyCommand(deal, { type: 'set-deal-facts', patch: { name: deal.name, amount: { ...deal.amount }, competitors: [] } })).toBe(deal)
  })

  it('refuses a negative amount, a bad currency, a date that does not exist and an empty name, naming each field', () => {
    const error = refusal(base(), { name: ' ', amount: { value: -5, currency: 'usd' }, closeDate: '2027-02-30' })
    expect(error).toBeInstanceOf(CommandError)
    expect(error.code).toBe('invalid-deal-facts')
    expect(error.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['name:name-required', 'amount:amount-negative', 'amount:currency-invalid', 'closeDate:date-invalid'])
  })

  it('refuses text over the limits, too many or duplicate competitors, and a stage that does not exist', () => {
    expect(refusal(base(), { customer: 'x'.repeat(201) }).issues[0]).toMatchObject({ field: 'customer', code: 'too-long', params: { max: 200 } })
    expect(refusal(base(), { competitors: Array.from({ length: 51 }, (_, i) => `C${i}`) }).issues[0].code).toBe('too-many')
    expect(refusal(base(), { competitors: ['SAP', 'sap '] }).issues[0]).toMatchObject({ code: 'competitor-duplicate', params: { name: 'sap' } })
    expect(refusal(base(), { stage: 'maybe' }).issues[0]).toMatchObject({ field: 'stage', code: 'stage-invalid' })
    expect(refusal(base(), { amount: { value: Number.NaN, currency: 'USD' } }).issues[0].code).toBe('amount-not-number')
    expect(refusal(base(), { amount: { value: 2e13, currency: 'USD' } }).issues[0].code).toBe('amount-too-large')
  })

  it('touches the deal facts only: a patch carrying people or the team is refused whole', () => {
    const deal = base()
    const error = refusal(deal, { name: 'Renamed', stakeholders: [] })
    expect(error.issues).toEqual([{ field: 'stakeholders', code: 'unknown-field', params: { name: 'stakeholders' } }])
  })

  it('drops control characters from text as every edit does', () => {
    const next = applyCommand(base(), { type: 'set-deal-facts', patch: { customer: 'AC\u0007ME', competitors: ['S\u0000AP'] } })
    expect(next.customer).toBe('ACME')
    expect(next.competitors).toEqual(['SAP'])
  })
})
