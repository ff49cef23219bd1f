import { isKeyPlayer } from '@shared/analysis'
import type { BuyingRole, Influence, Stakeholder } from '@shared/model'

const INFLUENCE_RANK: Record<Influence, number> = { high: 0, medium: 1, low: 2 }
const ROLE_RANK: Partial<Record<BuyingRole, number>> = { 'decision-maker': 0, approver: 1 }

/**
 * The people a meeting walks through, most influential first: decision maker, approvers,
 * inner circle and high influence. Ties go to the inner circle, then signers, then by name,
 * so the order is the same every time the deck is shown.
 */
export function keyPlayersInOrder(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  return stakeholders.filter(isKeyPlayer).sort((a, b) =>
    INFLUENCE_RANK[a.influence] - INFLUENCE_RANK[b.influence] ||
    Number(b.innerCircle) - Number(a.innerCircle) ||
    (ROLE_RANK[a.buyingRole] ?? 9) - (ROLE_RANK[b.buyingRole] ?? 9) ||
    a.name.localeCompare(b.name),
  )
}
