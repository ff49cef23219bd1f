import { describe, expect, it } from 'vitest'
import { analyzeDeal, describeFinding, duplicateFindings } from '@shared/analysis'
import { translate } from '@shared/i18n'
import { aDeal } from '../../fixtures/builders'

describe('possible-duplicate: two cards with the same email', () => {
  const deal = aDeal()
    .withStakeholder('li', { name: 'Li Wei', email: 'li.wei@bank.example' })
    .withStakeholder('other', { name: 'Other', email: 'other@bank.example' })
    .withStakeholder('li2', { name: 'Wei Li', email: 'LI.WEI@bank.example' })
    .withStakeholder('noemail', { name: 'No Email' })
    .build()

  it('names the first card to keep and the second to merge, whatever the case of the address', () => {
    const [f, ...rest] = duplicateFindings(deal)
    expect(rest).toEqual([])
    expect(f).toMatchObject({ code: 'possible-duplicate', severity: 'warning', stakeholderIds: ['li', 'li2'], params: { stakeholderName: 'Li Wei', otherName: 'Wei Li', email: 'LI.WEI@bank.example' } })
  })

  it('appears among the deal findings, in both languages', () => {
    const { findings } = analyzeDeal({ deal, roster: [], openDeals: [], settings: {}, today: '2026-12-02' })
    const f = findings.find((x) => x.code === 'possible-duplicate')!
    expect(describeFinding(f, (k, o) => translate('en', k, o)).text).toBe('Li Wei and Wei Li have the same email (LI.WEI@bank.example): they may be one person added twice.')
    expect(describeFinding(f, (k, o) => translate('zh-CN', k, o)).text).toBe('Li Wei和Wei Li的邮箱相同（LI.WEI@bank.example）：可能是同一个人被添加了两次。')
  })

  it('people without an email are never duplicates of each other', () => {
    const d = aDeal().withStakeholder('a', { name: 'A' }).withStakeholder('b', { name: 'A' }).build()
    expect(duplicateFindings(d)).toEqual([])
  })
})
