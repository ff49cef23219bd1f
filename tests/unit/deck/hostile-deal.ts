import type { Deal, Seller } from '@shared/model'
import { aDeal, aSeller } from '../../fixtures/builders'

/**
 * A deal whose texts hold what XML must escape (`&<>"'`) and what XML cannot hold at all
 * (control characters, a lone surrogate, U+FFFF). The builder's schema would clean them, so
 * they are put back afterwards: the deck must be safe for any deal it is handed, however
 * that deal reached it.
 */
export function hostileDeal(): { deal: Deal; roster: Seller[] } {
  const alice = aSeller('alice', { name: 'Alice "A&B" O\'Neil\u0001' })
  const deal = aDeal('att')
    .seat(alice, 'account', { lead: true })
    .withStakeholder('li', { buyingRole: 'decision-maker', stance: 'supporter', ownerIds: ['alice'] })
    .withStakeholder('bo', { buyingRole: 'user', stance: 'opponent' })
    .withRelationship('li', 'alice', { value: 4, depth: 3 })
    .withAction('li', { id: 'a1', what: 'x', ownerId: 'alice', due: '2026-03-01', done: false })
    .withLink('bo', 'li')
    .build()
  deal.name = 'AT&T <renewal> \u0007bell'
  deal.customer = 'AT&T'
  deal.competitors = ['Verizon & Co\u0008', '<Sprint>\uFFFF']
  deal.notes = 'Line one\u000Bline two\uD800'
  const [li, bo] = deal.stakeholders
  li.name = 'Li\u0000 "Na" & <co>'
  li.title = 'VP\u001F R&D'
  li.notes = 'call \u000C\uDC00 back'
  li.actions = [{ ...li.actions![0], what: 'Send <the> "deck" & notes\u0002' }]
  bo.name = 'Bo\uFFFE O\'Brien'
  bo.favoredCompetitor = '<Sprint>\uFFFF'
  return { deal, roster: [alice] }
}
