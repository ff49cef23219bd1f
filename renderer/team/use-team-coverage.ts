import { useMemo } from 'react'
import { analyzeTeamCoverage, type TeamCoverage } from '@shared/analysis'
import type { DealSummary } from '@shared/ipc'
import type { Deal } from '@shared/model'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'

/** The workspace's other deals as the load count needs them (summaries carry each deal's seats). */
export function otherDealsOf(summaries: readonly DealSummary[]): Array<Pick<Deal, 'id' | 'stage' | 'team'>> {
  return summaries.map((d) => ({ id: d.id, stage: d.stage, team: d.team ?? [] }))
}

/** The team check of the open deal, recomputed when its seats, people, the roster or settings change. */
export function useTeamCoverage(): TeamCoverage | null {
  const deal = useDealStore((s) => s.deal)
  const roster = useWorkspaceStore((s) => s.roster)
  const summaries = useWorkspaceStore((s) => s.deals)
  const maxOpenDealsPerSeller = useWorkspaceStore((s) => s.settings.maxOpenDealsPerSeller)
  const id = deal?.id
  const stage = deal?.stage
  const team = deal?.team
  const stakeholders = deal?.stakeholders
  const others = useMemo(() => otherDealsOf(summaries), [summaries])
  return useMemo(() => {
    if (id === undefined || stage === undefined || !team || !stakeholders) return null
    return analyzeTeamCoverage({ id, stage, team, stakeholders }, roster, others, { maxOpenDealsPerSeller })
  }, [id, stage, team, stakeholders, roster, others, maxOpenDealsPerSeller])
}
