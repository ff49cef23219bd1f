import { describe, expect, it } from 'vitest'
import { accountIdOf, normaliseCustomer } from '@shared/accounts'
import { SAFE_ID } from '@shared/file-names'

describe('one customer is one account', () => {
  it.each([
    ['AT&T', 'at&t '],
    ['AT&T', 'ＡＴ＆Ｔ'],
    ['Harbor City Bank', '  harbor   CITY\tbank '],
    ['华夏银行', ' 华夏银行'],
  ])('"%s" and %j are the same account', (a, b) => {
    expect(normaliseCustomer(a)).toBe(normaliseCustomer(b))
    expect(accountIdOf(a)).toBe(accountIdOf(b))
  })

  it('different customers are different accounts, and every id is a safe file name', () => {
    const ids = ['AT&T', 'AT-T', 'Acme', 'Acme Corp', '华夏银行', '招商银行', 'İstanbul Bank', 'x'.repeat(200)].map(accountIdOf)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(SAFE_ID)
  })

  it('a blank customer is no account', () => {
    expect(accountIdOf('')).toBeNull()
    expect(accountIdOf(' \u3000 ')).toBeNull()
  })

  it('folds case with a fixed locale (IT stays "it")', () => {
    expect(normaliseCustomer('IT Group')).toBe('it group')
  })
})
