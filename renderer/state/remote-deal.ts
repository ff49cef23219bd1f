import type { Deal } from '@shared/model'

/*
 * A colleague's change as the page shows it (docs/collaboration-app.md, "Who does what"):
 * unchanged people and lines keep the objects on screen, so memoised cards do not redraw.
 */

/**
 * The remote deal with every person, line and seat that did not change taken from the deal on
 * screen: memoised cards skip rendering, so a colleague's edit redraws only what it changed.
 */
export function keepUnchanged(current: Deal, next: Deal): Deal {
  const same = <T extends { id: string }>(was: readonly T[], now: readonly T[]): T[] => {
    const byId = new Map(was.map((x) => [x.id, x]))
    let changed = was.length !== now.length
    const out = now.map((x, i) => {
      const old = byId.get(x.id)
      // The same object (a patch left the person alone): equal without reading it.
      if (old === x) {
        if (was[i] !== old) changed = true
        return old
      }
      if (old && JSON.stringify(old) === JSON.stringify(x)) {
        if (was[i] !== old) changed = true
        return old
      }
      changed = true
      return x
    })
    return changed ? out : (was as T[])
  }
  const stakeholders = same(current.stakeholders, next.stakeholders)
  const links = same(current.links, next.links)
  return { ...next, stakeholders, links }
}

/**
 * `remote` with the objects the page shows wherever they stand for the same value: a person or
 * line that no edit on its way touched (`laid` kept `remote`'s object) and that the page kept
 * (`shown` holds an equal older object). The next patch then finds them by identity.
 */
export function withShownObjects(remote: Deal, laid: Deal, shown: Deal): Deal {
  const swap = <T extends { id: string }>(base: readonly T[], mid: readonly T[], out: readonly T[]): T[] => {
    if (base === out) return base as T[]
    const shownById = new Map(out.map((x) => [x.id, x]))
    const laidById = mid === base ? null : new Map(mid.map((x) => [x.id, x]))
    let same = true
    const result = base.map((x) => {
      const kept = shownById.get(x.id)
      const untouched = laidById === null || laidById.get(x.id) === x
      if (kept && kept !== x && untouched) {
        same = false
        return kept
      }
      return x
    })
    return same ? (base as T[]) : result
  }
  const stakeholders = swap(remote.stakeholders, laid.stakeholders, shown.stakeholders)
  const links = swap(remote.links, laid.links, shown.links)
  return stakeholders === remote.stakeholders && links === remote.links ? remote : { ...remote, stakeholders, links }
}
