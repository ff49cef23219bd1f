import { describe, expect, it } from 'vitest'
import { keyPlayersInOrder } from '@shared/analysis'
import { aStakeholder } from '../../fixtures/builders'

describe('the order a meeting walks through the key players', () => {
  it('high influence first, then the inner circle, the decision maker before approvers, then by name; others left out', () => {
    const people = [
      aStakeholder('user', { buyingRole: 'user', influence: 'low' }),
      aStakeholder('approver', { buyingRole: 'approver', influence: 'medium' }),
      aStakeholder('zed', { influence: 'high' }),
      aStakeholder('cio', { buyingRole: 'decision-maker', influence: 'high' }),
      aStakeholder('ann', { influence: 'high', innerCircle: true }),
      aStakeholder('circle', { influence: 'medium', innerCircle: true }),
    ]
    expect(keyPlayersInOrder(people).map((s) => s.id)).toEqual(['ann', 'cio', 'zed', 'circle', 'approver'])
  })
})
