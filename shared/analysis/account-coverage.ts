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

type StrengthLookup = Pick<ReadonlyMap<string, Pick<StakeholderStrength, 'strength' | 'band'>>, 'get'>


const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100))

export function accountCoverage(deal: Pick<Deal, 'stakeholders'>, strengths: StrengthLookup): AccountCoverage {
  let keyPlayers = 0
  let keyStrengthSum = 0
  let known = 0
  const departmentReached = new Map<string, boolean>()
  for (const s of deal.stakeholders) {
    const strength = strengths.get(s.id)
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
