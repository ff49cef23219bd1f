import type { Deal, Link } from './model/deal'
import type { Position, Stakeholder } from './model/stakeholder'
import { cardSize } from './card-size'
import { layoutOrgChart, ORG_CHART_DEFAULTS } from './org-chart'
import { findFreeSpot } from './placement'

/**
 * Where people added in bulk (a paste from a sheet, a CSV) go: each one under the manager
 * already on the map, where the org chart would draw them, so a row pasted under the CFO
 * appears under the CFO (not in a strip below the whole chart with long lines up to it).
 * Cards already on the map never move; a new card that would sit on one takes the nearest
 * free spot. People with no manager on the map keep the place they were given.
 */
export function placeUnderManagers(deal: Pick<Deal, 'stakeholders' | 'links'>, added: readonly Stakeholder[], links: readonly Link[]): Stakeholder[] {
  if (added.length === 0) return []
  const chart = layoutOrgChart({ stakeholders: [...deal.stakeholders, ...added], links: [...deal.links, ...links] })
  const charted = new Map(chart.positions.map((m) => [m.id, m.position]))
  const onMap = new Map(deal.stakeholders.map((s) => [s.id, s.position]))
  const isNew = new Set(added.map((s) => s.id))

  /** The nearest manager above a new person who is already on the map. */
  const anchorOf = (id: string): string | undefined => {
    const seen = new Set<string>([id])
    let m = chart.managerOf.get(id)
    while (m !== undefined && isNew.has(m) && !seen.has(m)) {
      seen.add(m)
      m = chart.managerOf.get(m)
    }
    return m !== undefined && onMap.has(m) ? m : undefined
  }

  const wanted = added.map((s): Position => {
    const anchor = anchorOf(s.id)
    const mine = charted.get(s.id)
    const theirs = anchor ? charted.get(anchor) : undefined
    if (!anchor || !mine || !theirs) return s.position
    const base = onMap.get(anchor)!
    return { x: base.x + mine.x - theirs.x, y: base.y + mine.y - theirs.y }
  })
  // The chart's own spacing (tighter than a single new card's) keeps a row of siblings a row.
  const gap = ORG_CHART_DEFAULTS.gapX / 2
  const boxes = deal.stakeholders.map((s) => ({ ...s.position, ...cardSize(s.influence) }))
  return added.map((s, i) => {
    const size = cardSize(s.influence)
    const position = findFreeSpot(boxes, wanted[i], size, gap)
    boxes.push({ ...position, ...size })
    return { ...s, position }
  })
}
