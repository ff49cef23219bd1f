import type { Deal, Influence, Stakeholder } from '../model'
import type { Finding } from './findings'
import { duplicateFindings } from './duplicate-findings'
import { placeholderFindings } from './placeholder-findings'
import { departmentKey } from '../departments'
import { hasOpenAction, isKeyPlayer, keyPlayerReason } from './key-players'
import type { StakeholderStrength } from './stakeholder-strength'

const INFLUENCE_RANK: Record<Influence, number> = { high: 0, medium: 1, low: 2 }

/**
 * The relationship and map insights (docs/method.md#deal-findings), in one pass over the stakeholders.
 * `strengths` holds every stakeholder's best relationship (see stakeholderStrength), in the
 * order of `deal.stakeholders`.
 */
export function dealFindings(deal: Pick<Deal, 'stakeholders'>, strengths: readonly StakeholderStrength[]): Finding[] {
  const findings: Finding[] = []
  let coachFound = false
  let decisionMakerFound = false
  let strongCount = 0
  const departments = new Map<string, { name: string; reached: boolean; members: string[]; entry: Stakeholder; entryRank: number; hasKeyPlayer: boolean }>()

  const people = deal.stakeholders
  for (let i = 0; i < people.length; i++) {
    const s = people[i]
    // A seat with no one found yet is no one to call: it counts in placeholder-findings.ts.
    if (s.placeholder) continue
    const strength = strengths[i]
    const key = isKeyPlayer(s)
    if (s.buyingRole === 'coach' || s.stance === 'champion') coachFound = true
    if (s.buyingRole === 'decision-maker') decisionMakerFound = true
    if (strength.band === 'strong') strongCount++
    if (key && (strength.band === 'weak' || strength.band === 'none')) findings.push(keyPlayerWeak(s, strength))
    if (key && strength.stale) findings.push(keyPlayerStale(s, strength))
    if ((s.stance === 'opponent' || s.stance === 'skeptic') && (s.influence === 'high' || s.innerCircle) && !hasOpenAction(s)) {
      findings.push(opponentHighInfluence(s))
    }
    const dept = departmentKey(s.department)
    if (dept === '') continue
    const workable = strength.band === 'strong' || strength.band === 'workable'
    const entry = departments.get(dept)
    const rank = entryRank(key, s)
    if (!entry) {
      departments.set(dept, { name: s.department.trim(), reached: workable, members: [s.id], entry: s, entryRank: rank, hasKeyPlayer: key })
    } else {
      entry.reached ||= workable
      entry.members.push(s.id)
      entry.hasKeyPlayer ||= key
      if (rank < entry.entryRank) {
        entry.entry = s
        entry.entryRank = rank
      }
    }
  }

  if (!decisionMakerFound) findings.push(decisionMakerUnknown())
  if (!coachFound) findings.push(noCoach())
  if (strongCount <= 1) findings.push(singleThreaded(strongCount))
  for (const dept of departments.values()) {
    if (!dept.reached) findings.push(departmentUncovered(dept.name, dept.members, dept.entry, dept.hasKeyPlayer))
  }
  findings.push(...placeholderFindings(deal))
  findings.push(...duplicateFindings(deal))
  return findings
}

/** The best person to open a department with: a key player first, then the most influential. */
function entryRank(keyPlayer: boolean, s: Stakeholder): number {
  return (keyPlayer ? 0 : 10) + INFLUENCE_RANK[s.influence]
}

function keyPlayerWeak(s: Stakeholder, strength: StakeholderStrength): Finding {
  const reason = keyPlayerReason(s)
  return {
    code: 'key-player-weak', severity: 'warning', stakeholderIds: [s.id],
    params: { stakeholderName: s.name, reason, strength: strength.strength, band: strength.band },
    message: strength.band === 'none'
      ? `No one on our team has a relationship with ${s.name} (${reason}).`
      : `Our best relationship with ${s.name} (${reason}) is weak: ${strength.strength} of 100.`,
    nextStep: `Plan a one-to-one with ${s.name}: bring them something of personal value and raise goodwill before asking for anything.`,
  }
}

function keyPlayerStale(s: Stakeholder, strength: StakeholderStrength): Finding {
  const reason = keyPlayerReason(s)
  const never = strength.daysSinceContact === undefined
  return {
    code: 'key-player-stale', severity: 'warning', stakeholderIds: [s.id],
    params: { stakeholderName: s.name, reason, cadenceDays: strength.cadenceDays, daysSinceContact: strength.daysSinceContact ?? -1 },
    message: never
      ? `No contact with ${s.name} (${reason}) is logged.`
      : `No one has contacted ${s.name} (${reason}) for ${strength.daysSinceContact} days; the cadence is ${strength.cadenceDays}.`,
    nextStep: `Get in touch with ${s.name} within the week (a visit, a call or a greeting) and log it.`,
  }
}

function opponentHighInfluence(s: Stakeholder): Finding {
  const weight = s.innerCircle ? 'in the inner circle' : 'of high influence'
  return {
    code: 'opponent-high-influence', severity: s.stance === 'opponent' ? 'error' : 'warning', stakeholderIds: [s.id],
    params: { stakeholderName: s.name, stance: s.stance, innerCircle: s.innerCircle ? 1 : 0, favoredCompetitor: s.favoredCompetitor ?? '' },
    message: `${s.name} is a${s.stance === 'opponent' ? 'n opponent' : ' skeptic'} ${weight}, and no next action is planned.`,
    nextStep: `Learn what ${s.name} wants and who they listen to, then plan a next action to answer their concerns or limit their sway.`,
  }
}

function decisionMakerUnknown(): Finding {
  return {
    code: 'decision-maker-unknown', severity: 'error', params: {},
    message: 'No decision maker is identified on the map.',
    nextStep: 'Ask your coach or sponsor who makes the final decision, and add that person to the map.',
  }
}

function noCoach(): Finding {
  return {
    code: 'no-coach', severity: 'warning', params: {},
    message: 'No one on the map is a coach or champion for us.',
    nextStep: 'Find someone inside who wants us to win and will guide us, and grow that relationship into a coach.',
  }
}

function singleThreaded(strongCount: number): Finding {
  return {
    code: 'single-threaded', severity: 'warning', params: { strongCount },
    message: strongCount === 0
      ? 'The deal has no strong relationship at all.'
      : 'The deal hangs on a single strong relationship.',
    nextStep: 'Build a strong relationship with a second key player so the deal does not depend on one person.',
  }
}

function departmentUncovered(name: string, members: string[], entry: Stakeholder, hasKeyPlayer: boolean): Finding {
  return {
    code: 'department-uncovered', severity: hasKeyPlayer ? 'warning' : 'info', department: name, stakeholderIds: members,
    params: { department: name, count: members.length, entryName: entry.name, entryId: entry.id },
    message: `No one in ${name} has a workable relationship with us.`,
    nextStep: `Build a workable relationship in ${name}, starting with ${entry.name}.`,
  }
}
