import { useMemo } from 'react'
import { analyzeDeal } from '@shared/analysis'
import { diffDeals, type Change } from '@shared/changes'
import type { Deal, Seller } from '@shared/model'
import { today as todayOfUser } from '../state/today'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { useComparisonStore } from './comparison-store'

/** The diff wired to the real analysis (relationship scores and findings as of today). */
export function changesBetween(before: Deal, after: Deal, roster: readonly Seller[], today = todayOfUser()): Change[] {
  return diffDeals(before, after, roster, { today, analyze: (deal, r, day) => analyzeDeal(deal, r, [deal], day) })
}

/**
 * The changes of the current comparison, recomputed as the live deal is edited when the
 * comparison runs "until now". Null when nothing is being compared or another deal is open.
 */
export function useChanges(): Change[] | null {
  const from = useComparisonStore((s) => s.from)
  const to = useComparisonStore((s) => s.to)
  const live = useDealStore((s) => s.deal)
  const roster = useWorkspaceStore((s) => s.roster)
  const after = to?.deal ?? live
  return useMemo(() => {
    if (!from || !after || !live || from.deal.id !== live.id) return null
    return changesBetween(from.deal, after, roster)
  }, [from, after, live, roster])
}

/** Stakeholders a change list mentions, for outlining on the map. */
export function changedStakeholderIds(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap((c) => c.stakeholderIds))]
}
