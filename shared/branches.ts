import type { Deal, Link } from './model/deal'
import { departmentKey } from './departments'

/**
 * Branches of the org chart: who is under whom (by the first reports-to line of each person,
 * as the org chart layout draws them), for collapsing a branch and for focusing on one.
 * Cycle-safe: each person is visited once.
 */
export function reportsOf(links: readonly Link[]): Map<string, string[]> {
  const managerOf = new Map<string, string>()
  for (const l of links) if (l.kind === 'reports-to' && l.from !== l.to && !managerOf.has(l.from)) managerOf.set(l.from, l.to)
  const reports = new Map<string, string[]>()
  for (const [report, manager] of managerOf) {
    const list = reports.get(manager)
    if (list) list.push(report)
    else reports.set(manager, [report])
  }
  return reports
}

/** Everyone under `rootId`, at any depth (not `rootId` itself). */
export function peopleUnder(rootId: string, reports: ReadonlyMap<string, readonly string[]>): Set<string> {
  const under = new Set<string>()
  const stack = [...(reports.get(rootId) ?? [])]
  while (stack.length) {
    const id = stack.pop()!
    if (id === rootId || under.has(id)) continue
    under.add(id)
    stack.push(...(reports.get(id) ?? []))
  }
  return under
}

export type MapFocus = { kind: 'branch'; id: string } | { kind: 'department'; key: string }

export interface BranchView {
  /** People not drawn: under a collapsed manager, or outside the focus. */
  hidden: Set<string>
  /** For each collapsed manager, how many people their collapsed branch hides. */
  hiddenUnder: Map<string, number>
  /** How many direct reports each manager has. */
  reportCount: Map<string, number>
}

/** What the map shows for these collapsed managers and this focus. */
export function branchView(deal: Pick<Deal, 'stakeholders' | 'links'>, collapsed: ReadonlySet<string>, focus: MapFocus | null): BranchView {
  const reports = reportsOf(deal.links)
  const hidden = new Set<string>()
  // A branch whose person is gone (a colleague deleted them) shows no one: it is no focus at all.
  if (focus?.kind === 'branch' && deal.stakeholders.some((s) => s.id === focus.id)) {
    const shown = peopleUnder(focus.id, reports)
    shown.add(focus.id)
    for (const s of deal.stakeholders) if (!shown.has(s.id)) hidden.add(s.id)
  } else if (focus?.kind === 'department') {
    for (const s of deal.stakeholders) if (departmentKey(s.department) !== focus.key) hidden.add(s.id)
  }
  const hiddenUnder = new Map<string, number>()
  for (const id of collapsed) {
    if (hidden.has(id)) continue
    const under = peopleUnder(id, reports)
    let count = 0
    for (const u of under) {
      if (!hidden.has(u)) count++
      hidden.add(u)
    }
    if (under.size > 0) hiddenUnder.set(id, count)
  }
  const reportCount = new Map([...reports].map(([m, list]) => [m, list.length]))
  return { hidden, hiddenUnder, reportCount }
}
