import type { Link } from './model/deal'

/** Each person's managers: the `to` of their reports-to lines (a matrix org has several). */
function managersOf(links: readonly Link[]): Map<string, string[]> {
  const managers = new Map<string, string[]>()
  for (const l of links) {
    if (l.kind !== 'reports-to') continue
    const list = managers.get(l.from)
    if (list) list.push(l.to)
    else managers.set(l.from, [l.to])
  }
  return managers
}

/**
 * People caught in a reports-to cycle (A reports to B reports to A). Real orgs have matrix
 * lines, so a cycle is allowed, but the map warns about it because the org chart cannot be
 * drawn top-down for them.
 */
export function reportsToCycleMembers(links: readonly Link[]): Set<string> {
  const managers = managersOf(links)
  // Tarjan's strongly connected components, iteratively (deep chains must not blow the stack).
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const inCycle = new Set<string>()
  let counter = 0
  for (const start of managers.keys()) {
    if (index.has(start)) continue
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length) {
      const frame = work[work.length - 1]
      const targets = managers.get(frame.node) ?? []
      if (frame.next < targets.length) {
        const t = targets[frame.next++]
        if (!index.has(t)) {
          index.set(t, counter)
          low.set(t, counter++)
          stack.push(t)
          onStack.add(t)
          work.push({ node: t, next: 0 })
        } else if (onStack.has(t)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!))
        }
        continue
      }
      work.pop()
      if (work.length) {
        const parent = work[work.length - 1].node
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!))
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        if (component.length > 1) component.forEach((m) => inCycle.add(m))
      }
    }
  }
  return inCycle
}

/**
 * Each person's depth in a reports-to tree: 0 for someone whose manager is not known, else one
 * more than the manager's. Someone in a cycle counts the others of the cycle once (a loop of
 * three: depth 2 each); someone under a cycle, one more than their manager, as ever. This is
 * what walking up from each person until the top or a repeat gives, but each person is
 * walked once and remembered: walking up from every row was quadratic in a deep chain (a
 * 10,000-row export froze the window for 20 s). `probe.visits` counts the steps, for tests.
 */
export function reportsToDepths(ids: Iterable<string>, managerOf: ReadonlyMap<string, string>, probe?: { visits: number }): Map<string, number> {
  const depth = new Map<string, number>()
  const onPath = new Map<string, number>()
  const path: string[] = []
  for (const start of ids) {
    if (depth.has(start)) continue
    let current: string | undefined = start
    while (current !== undefined && !depth.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length)
      path.push(current)
      if (probe) probe.visits++
      current = managerOf.get(current)
    }
    let end = path.length
    let next: number
    if (current === undefined) next = 0
    else if (depth.has(current)) next = depth.get(current)! + 1
    else {
      // `current` is on this walk: everyone from it to the end of the walk is the cycle.
      const first = onPath.get(current)!
      const inCycle = end - first - 1
      for (let i = first; i < end; i++) depth.set(path[i], inCycle)
      end = first
      next = inCycle + 1
    }
    for (let i = end - 1; i >= 0; i--) depth.set(path[i], next++)
    onPath.clear()
    path.length = 0
  }
  return depth
}

/**
 * Whether making `personId` report to `managerId` would close a reports-to loop: true when
 * the manager already reports to the person, directly or through others (any of their
 * reports-to lines). Walked breadth-first with a visited set, so a deep chain or an existing
 * loop elsewhere cannot hang it.
 */
export function wouldCloseReportsToLoop(links: readonly Link[], personId: string, managerId: string): boolean {
  if (personId === managerId) return true
  const managers = managersOf(links)
  const seen = new Set<string>([managerId])
  const queue = [managerId]
  for (let i = 0; i < queue.length; i++) {
    for (const up of managers.get(queue[i]) ?? []) {
      if (up === personId) return true
      if (!seen.has(up)) {
        seen.add(up)
        queue.push(up)
      }
    }
  }
  return false
}
