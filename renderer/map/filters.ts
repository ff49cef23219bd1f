import type { Stakeholder } from '@shared/model'
import { departmentKey } from '@shared/departments'
import type { MapFilters } from '../state/ui-store'

/** Whether a card passes every active filter (an empty list does not filter). */
export function matchesFilters(s: Stakeholder, f: MapFilters): boolean {
  if (f.stances.length && !f.stances.includes(s.stance)) return false
  if (f.buyingRoles.length && !f.buyingRoles.includes(s.buyingRole)) return false
  if (f.influences.length && !f.influences.includes(s.influence)) return false
  if (f.departments.length && !f.departments.includes(departmentKey(s.department))) return false
  return true
}

/** Stakeholders whose name, title or department contains the query (case- and accent-insensitive). */
export function searchStakeholders(stakeholders: readonly Stakeholder[], query: string, limit = 20): Stakeholder[] {
  const q = normalise(query)
  if (!q) return []
  const hits: Array<{ s: Stakeholder; rank: number }> = []
  for (const s of stakeholders) {
    const name = normalise(s.name)
    const rank = name.startsWith(q) ? 0 : name.includes(q) ? 1 : normalise(s.title).includes(q) ? 2 : normalise(s.department).includes(q) ? 3 : -1
    if (rank >= 0) hits.push({ s, rank })
  }
  hits.sort((a, b) => a.rank - b.rank || a.s.name.localeCompare(b.s.name))
  return hits.slice(0, limit).map((h) => h.s)
}

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim()
}
