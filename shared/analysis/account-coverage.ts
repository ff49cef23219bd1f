import type { Deal } from '../model'
import { isKeyPlayer } from './key-players'
import type { StakeholderStrength } from './stakeholder-strength'
import { departmentKey } from '../departments'

/**
 * Deep, broad, transparent (深、广、透; docs/method.md#account-coverage), each 0–100.
 * The definitions are data so the UI can show each one beside its number.
 */
export const COVERAGE_DEFINITIONS = {
  deep: {
    key: 'coverage.deep.definition',
    en: 'How strong our relationships with the key players are: the average strength (0–100) of the best relationship with each key player (decision maker, approver, inner circle or high influence). 0 when no key player is on the map.',
  },
  broad: {
    key: 'coverage.broad.definition',
    en: 'How many of the customer\'s departments we reach: the share of departments with at least one workable or strong relationship. People without a department are not counted.',
  },
  transparent: {
    key: 'coverage.transparent.definition',
    en: 'How much we truly know: the share of people whose stance and buying role are known and who have notes on their motives.',
  },
} as const

export interface AccountCoverage {
  deep: number
  broad: number
  transparent: number
}

type StrengthOfPerson = Pick<StakeholderStrength, 'strength' | 'band'>
/**
 * Each person's strength: by id, or (as the deal analysis has them) in the order of
 * `deal.stakeholders`, which spares a look-up per person.
 */
type StrengthLookup = Pick<ReadonlyMap<string, StrengthOfPerson>, 'get'> | readonly StrengthOfPerson[]


const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100))

export function accountCoverage(deal: Pick<Deal, 'stakeholders'>, strengths: StrengthLookup): AccountCoverage {
  let keyPlayers = 0
  let keyStrengthSum = 0
  let known = 0
  const departmentReached = new Map<string, boolean>()
  const inOrder = Array.isArray(strengths) ? (strengths as readonly StrengthOfPerson[]) : undefined
  const byId = inOrder ? undefined : (strengths as Pick<ReadonlyMap<string, StrengthOfPerson>, 'get'>)
  const people = deal.stakeholders
  for (let i = 0; i < people.length; i++) {
    const s = people[i]
    const strength = inOrder ? inOrder[i] : byId!.get(s.id)
    if (isKeyPlayer(s)) {
      keyPlayers++
      keyStrengthSum += strength?.strength ?? 0
    }
    const dept = departmentKey(s.department)
    if (dept !== '') {
      const workable = strength?.band === 'strong' || strength?.band === 'workable'
      departmentReached.set(dept, (departmentReached.get(dept) ?? false) || workable)
    }
    if (s.stance !== 'unknown' && s.buyingRole !== 'unknown' && s.notes.trim() !== '') known++
  }
  const reached = [...departmentReached.values()].filter(Boolean).length
  return {
    deep: keyPlayers === 0 ? 0 : Math.round(keyStrengthSum / keyPlayers),
    broad: percent(reached, departmentReached.size),
    transparent: percent(known, deal.stakeholders.length),
  }
}
