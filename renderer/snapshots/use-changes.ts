import { useMemo } from 'react'
import type { WorkspaceForAnalysis } from '@shared/analysis'
import { diffDeals, type Change } from '@shared/changes'
import type { Deal } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'
import { diffAnalyzer } from '../state/use-deal-analysis'
import { useWorkspaceStore } from '../state/workspace-store'
import { useComparisonStore } from './comparison-store'

/** The diff wired to the real analysis (relationship scores and findings as of today). */
export function changesBetween(before: Deal, after: Deal, workspace: WorkspaceForAnalysis, day = today()): Change[] {
  return diffDeals(before, after, workspace.roster, { today: day, analyze: diffAnalyzer(workspace) })
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
  const deals = useWorkspaceStore((s) => s.deals)
  const settings = useWorkspaceStore((s) => s.settings)
  const after = to?.deal ?? live
  return useMemo(() => {
    if (!from || !after || !live || from.deal.id !== live.id) return null
    return changesBetween(from.deal, after, { roster, deals, settings })
  }, [from, after, live, roster, deals, settings])
}

/** Stakeholders a change list mentions, for outlining on the map. */
export function changedStakeholderIds(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap((c) => c.stakeholderIds))]
}
