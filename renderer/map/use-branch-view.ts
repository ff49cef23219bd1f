import { useEffect, useMemo } from 'react'
import { branchView } from '@shared/branches'
import type { Deal } from '@shared/model'
import type { StakeholderNode } from './derive-graph'
import { useBranchStore } from './branch-store'
import { useSameSet } from '../ui/use-same-set'

/**
 * The map's nodes with collapsed branches and everyone outside the focus hidden (React Flow
 * hides their lines with them). Only hidden nodes are copied, so the others keep their identity.
 */
export function useBranchView(deal: Deal | null, nodes: StakeholderNode[]): { nodes: StakeholderNode[]; hidden: ReadonlySet<string> } {
  const dealId = deal?.id ?? null
  useEffect(() => useBranchStore.getState().forDeal(dealId), [dealId])
  const collapsed = useBranchStore((s) => s.collapsed)
  const focus = useBranchStore((s) => (s.dealId === dealId ? s.focus : null))
  const stakeholders = deal?.stakeholders
  const links = deal?.links
  const view = useMemo(
    () => branchView({ stakeholders: stakeholders ?? [], links: links ?? [] }, useBranchStore.getState().dealId === dealId ? collapsed : new Set<string>(), focus),
    [stakeholders, links, collapsed, focus, dealId],
  )
  useEffect(() => useBranchStore.getState().setCounts(view.reportCount, view.hiddenUnder), [view])
  // The focused person is gone (a colleague deleted them): the focus ends, and the banner with it.
  const focusGone = focus?.kind === 'branch' && !(stakeholders ?? []).some((s) => s.id === focus.id)
  useEffect(() => {
    if (focusGone) useBranchStore.getState().setFocus(null)
  }, [focusGone])
  // The same hidden people after an edit that hid or showed nobody: the same nodes and lines.
  const hidden = useSameSet(view.hidden)
  const shown = useMemo(() => (hidden.size === 0 ? nodes : nodes.map((n) => (hidden.has(n.id) ? { ...n, hidden: true } : n))), [nodes, hidden])
  return { nodes: shown, hidden }
}

/** Lines to or from a hidden person are hidden with them (React Flow still draws them otherwise). */
export function withoutHiddenEnds<E extends { source: string; target: string; hidden?: boolean }>(edges: E[], hidden: ReadonlySet<string>): E[] {
  if (hidden.size === 0) return edges
  return edges.map((e) => (hidden.has(e.source) || hidden.has(e.target) ? { ...e, hidden: true } : e))
}
