import { describe, expect, it } from 'vitest'
import { applyCommand, DealFactsError, type DealCommand } from '../../../shared/commands'
import { dealFactsIssues } from '../../../shared/deal-facts'
import { formatMoney } from '../../../shared/i18n'
import { DealSchema, newDeal, type Deal } from '../../../shared/model'

const base = (): Deal => ({ ...newDeal({ id: 'd1', name: 'ERP' }), amount: { value: 500_000, currency: 'USD' } })
const facts = (patch: unknown) => ({ type: 'set-deal-facts', patch }) as DealCommand

describe('deal facts from a hostile form or peer', () => {
  it('an amount of -0 is stored and shown as 0, never "-$0" or "-¥0"', () => {
    const deal = applyCommand(base(), facts({ amount: { value: -0, currency: 'CNY' } }))
    expect(Object.is(deal.amount.value, -0)).toBe(false)
    expect(formatMoney({ value: -0, currency: 'USD' }, 'en')).toBe('$0')
    expect(formatMoney({ value: -0, currency: 'CNY' }, 'zh-CN')).not.toMatch(/^-/)
  })

  it('1e13 exactly is accepted, one more is refused; NaN, Infinity and 1e308 are refused as not a number or too large', () => {
    expect(DealSchema.safeParse(applyCommand(base(), facts({ amount: { value: 1e13, currency: 'USD' } }))).success).toBe(true)
    expect(dealFactsIssues({ amount: { value: 1e13 + 2, currency: 'USD' } })[0].code).toBe('amount-too-large')
    expect(dealFactsIssues({ amount: { value: Number.NaN, currency: 'USD' } })[0].code).toBe('amount-not-number')
    expect(dealFactsIssues({ amount: { value: Infinity, currency: 'USD' } })[0].code).toBe('amount-not-number')
    expect(dealFactsIssues({ amount: { value: 1e308, currency: 'USD' } })[0].code).toBe('amount-too-large')
  })

  it('"usd" is refused, "XXX" (no currency, ISO 4217) accepted; 2026-02-30 is not a date', () => {
    expect(dealFactsIssues({ amount: { value: 1, currency: 'usd' } })[0].code).toBe('currency-invalid')
    expect(dealFactsIssues({ amount: { value: 1, currency: 'XXX' } })).toEqual([])
    expect(dealFactsIssues({ closeDate: '2026-02-30' })[0].code).toBe('date-invalid')
    expect(dealFactsIssues({ closeDate: '2028-02-29' })).toEqual([])
  })

  it('1,000 competitors are refused as too many, with no deal change', () => {
    const deal = base()
    expect(() => applyCommand(deal, facts({ competitors: Array.from({ length: 1000 }, (_, i) => `C${i}`) }))).toThrow(DealFactsError)
  })

  it.each([
    ['case', 'SAP', 'sap'],
    ['full width', 'SAP', 'ＳＡＰ'],
    ['a zero-width space', 'Oracle', 'Ora\u200Bcle'],
    ['a soft hyphen', 'Workday', 'Work\u00ADday'],
    ['composed and decomposed accents', 'Société', 'Socie\u0301te\u0301'],
  ])('two competitors that differ only by %s are one competitor, refused as a duplicate', (_what, a, b) => {
    const issues = dealFactsIssues({ competitors: [a, b] })
    expect(issues.map((i) => i.code)).toEqual(['competitor-duplicate'])
  })
})
