import type { BuyingRole, Influence, Stakeholder } from '../model'

/**
 * A key player is someone who can decide the outcome: the decision maker, an approver,
 * anyone in the inner circle or anyone of high influence (docs/method.md#key-players).
 */
export function isKeyPlayer(s: Pick<Stakeholder, 'buyingRole' | 'innerCircle' | 'influence'>): boolean {
  return s.buyingRole === 'decision-maker' || s.buyingRole === 'approver' || s.innerCircle || s.influence === 'high'
}

/** Supportive = on our side: a champion or a supporter. */
export function isSupportive(s: Pick<Stakeholder, 'stance'>): boolean {
  return s.stance === 'champion' || s.stance === 'supporter'
}

/** Someone who signs: the decision maker or an approver. */
export function isSigner(s: Pick<Stakeholder, 'buyingRole'>): boolean {
  return s.buyingRole === 'decision-maker' || s.buyingRole === 'approver'
}

/** Planned, not yet done. */
export function hasOpenAction(s: Pick<Stakeholder, 'actions'>): boolean {
  return (s.actions ?? []).some((a) => !a.done)
}

/** Why a stakeholder counts as a key player, most decisive reason first. */
export function keyPlayerReason(s: Pick<Stakeholder, 'buyingRole' | 'innerCircle' | 'influence'>): string {
  if (s.buyingRole === 'decision-maker') return 'decision maker'
  if (s.buyingRole === 'approver') return 'approver'
  if (s.innerCircle) return 'inner circle'
  return 'high influence'
}

const INFLUENCE_RANK: Record<Influence, number> = { high: 0, medium: 1, low: 2 }
const ROLE_RANK: Partial<Record<BuyingRole, number>> = { 'decision-maker': 0, approver: 1 }

/**
 * The key players a meeting walks through, most influential first. Ties go to the inner
 * circle, then signers (decision maker before approvers), then by name, so the order is the
 * same every time the map is shown.
 */
export function keyPlayersInOrder(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  return stakeholders.filter(isKeyPlayer).sort((a, b) =>
    INFLUENCE_RANK[a.influence] - INFLUENCE_RANK[b.influence] ||
    Number(b.innerCircle) - Number(a.innerCircle) ||
    (ROLE_RANK[a.buyingRole] ?? 9) - (ROLE_RANK[b.buyingRole] ?? 9) ||
    a.name.localeCompare(b.name),
  )
}
