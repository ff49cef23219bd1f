import { useMemo } from 'react'
import { reportsToDepths } from '@shared/reports-to'
import type { Link, Stakeholder } from '@shared/model'
import type { StakeholderNode } from './derive-graph'
import { useSameSet } from '../ui/use-same-set'

/** The top ranks of the org chart: people with no known manager and their direct reports. */
export const TOP_RANK_DEPTH = 1

/**
 * Marks the top ranks' nodes (class `rank-top`) for the level of detail zoomed out. Only their
 * nodes are copied, so the other cards keep their identity and do not re-render; an edit that
 * leaves the ranks as they were (a title, a stance) copies none.
 */
export function useTopRanks(nodes: StakeholderNode[], stakeholders: readonly Stakeholder[] | undefined, links: readonly Link[] | undefined): StakeholderNode[] {
  const top = useSameSet(useMemo(() => {
    const managerOf = new Map<string, string>()
    for (const l of links ?? []) if (l.kind === 'reports-to' && !managerOf.has(l.from)) managerOf.set(l.from, l.to)
    const depths = reportsToDepths((stakeholders ?? []).map((s) => s.id), managerOf)
    return new Set([...depths].filter(([, d]) => d <= TOP_RANK_DEPTH).map(([id]) => id))
  }, [stakeholders, links]))
  return useMemo(() => nodes.map((n) => (top.has(n.id) ? { ...n, className: 'rank-top' } : n)), [nodes, top])
}
