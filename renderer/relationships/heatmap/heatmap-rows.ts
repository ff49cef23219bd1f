import { scoreRelationship, type Band, type ElementResult } from '@shared/analysis'
import type { CadenceDays } from '@shared/method'
import { ELEMENTS, newRelationship, STANCES, type Deal, type Element, type Seller, type Stance } from '@shared/model'

/**
 * The heatmap's rows: one per relationship (stakeholder × seller). A person nobody has
 * assessed yet gets one row for their first owner ("not assessed"), ready to score; a person
 * with no owner gets a read-only row so they still show up as a gap.
 */
export interface HeatmapRow {
  key: string
  stakeholderId: string
  sellerId: string | null
  name: string
  sellerName: string
  stance: Stance
  assessed: boolean
  elements: Record<Element, ElementResult> | null
  total: number
  band: Band | null
}

export type HeatmapColumn = 'name' | 'seller' | 'stance' | Element | 'total' | 'band'
export const HEATMAP_COLUMNS: readonly HeatmapColumn[] = ['name', 'seller', 'stance', ...ELEMENTS, 'total', 'band']
export type SortDirection = 'asc' | 'desc'
export interface HeatmapSort {
  column: HeatmapColumn
  direction: SortDirection
}

const cache = new WeakMap<Deal, { key: string; roster: readonly Seller[]; rows: HeatmapRow[] }>()

export function heatmapRows(deal: Deal, roster: readonly Seller[], today: string, cadenceDays: CadenceDays): HeatmapRow[] {
  const key = `${today}|${cadenceDays.high}|${cadenceDays.medium}|${cadenceDays.low}`
  const hit = cache.get(deal)
  if (hit && hit.key === key && hit.roster === roster) return hit.rows
  const names = new Map(roster.map((s) => [s.id, s.name]))
  const rows: HeatmapRow[] = []
  for (const s of deal.stakeholders) {
    // A seat with no one found yet has no relationship to assess: no blank row for it.
    if (s.placeholder && s.relationships.length === 0) continue
    const base = { stakeholderId: s.id, name: s.name, stance: s.stance }
    for (const r of s.relationships) {
      const score = scoreRelationship(r, s, { today, cadenceDays })
      rows.push({ ...base, key: `${s.id}|${r.sellerId}`, sellerId: r.sellerId, sellerName: names.get(r.sellerId) ?? r.sellerId, assessed: true, elements: score.elements, total: score.total, band: score.band })
    }
    if (s.relationships.length > 0) continue
    const owner = s.ownerIds[0]
    if (owner) {
      const score = scoreRelationship(newRelationship(owner), s, { today, cadenceDays })
      rows.push({ ...base, key: `${s.id}|${owner}`, sellerId: owner, sellerName: names.get(owner) ?? owner, assessed: false, elements: score.elements, total: 0, band: null })
    } else {
      rows.push({ ...base, key: `${s.id}|`, sellerId: null, sellerName: '', assessed: false, elements: null, total: 0, band: null })
    }
  }
  cache.set(deal, { key, roster, rows })
  return rows
}

const STANCE_RANK = new Map(STANCES.map((s, i) => [s, i]))
const isElement = (c: HeatmapColumn): c is Element => (ELEMENTS as readonly string[]).includes(c)

function valueOf(row: HeatmapRow, column: HeatmapColumn): number | string {
  if (column === 'name') return row.name
  if (column === 'seller') return row.sellerName
  if (column === 'stance') return STANCE_RANK.get(row.stance) ?? 99
  if (column === 'total' || column === 'band') return row.assessed ? row.total : -1
  if (isElement(column)) return row.elements && row.assessed ? row.elements[column].score : -1
  return 0
}

/** Sorted copy; ties keep the map's order (stable), names compare in the UI language. */
export function sortRows(rows: readonly HeatmapRow[], sort: HeatmapSort, locale = 'en'): HeatmapRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sign = sort.direction === 'asc' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i, v: valueOf(row, sort.column) }))
    .sort((a, b) => {
      const c = typeof a.v === 'string' && typeof b.v === 'string' ? collator.compare(a.v, b.v) : (a.v as number) - (b.v as number)
      return c * sign || a.i - b.i
    })
    .map((x) => x.row)
}

/** Clicking a column sorts by it: numbers high-first, words A–Z; clicking again flips it. */
export function nextSort(current: HeatmapSort | null, column: HeatmapColumn): HeatmapSort {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { column, direction: column === 'name' || column === 'seller' ? 'asc' : 'desc' }
}
