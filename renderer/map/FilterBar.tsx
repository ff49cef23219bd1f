import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { BUYING_ROLES, INFLUENCES, STANCES, type Stakeholder } from '@shared/model'
import { departmentKey } from '@shared/departments'
import { useDealStore } from '../state/deal-store'
import { hasFilters, NO_FILTERS, useUiStore, type MapFilters } from '../state/ui-store'
import { StanceIcon } from './icons'
import './capture.css'

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

const departmentsKeys = new WeakMap<readonly Stakeholder[], string>()

/** The deal's departments (key, name as first written), sorted by name, as a JSON string; one pass per people list. */
function departmentsKey(stakeholders: readonly Stakeholder[] | undefined): string {
  if (!stakeholders) return '[]'
  const known = departmentsKeys.get(stakeholders)
  if (known !== undefined) return known
  const seen = new Map<string, string>()
  for (const s of stakeholders) {
    const key = departmentKey(s.department)
    if (key && !seen.has(key)) seen.set(key, s.department.trim())
  }
  const text = JSON.stringify([...seen.entries()].sort((a, b) => a[1].localeCompare(b[1])))
  departmentsKeys.set(stakeholders, text)
  return text
}

/** Filters dim everyone who does not match, so the people who matter stand out. */
export function FilterBar() {
  const { t } = useTranslation('map')
  const filters = useUiStore((s) => s.filters)
  // A key of the departments, not the people: the bar redraws when the list of departments changes only.
  const departmentList = useDealStore((s) => departmentsKey(s.deal?.stakeholders))
  const departments = useMemo(() => JSON.parse(departmentList) as Array<[string, string]>, [departmentList])
  const active = hasFilters(filters)
  const set = (patch: Partial<MapFilters>) => useUiStore.getState().setFilters({ ...filters, ...patch })

  return (
    <div className="filter-bar" role="group" aria-label={t('filter.label')} data-testid="filter-bar">
      <div className="chip-group" aria-label={t('field.stance')} role="group">
        {STANCES.map((s) => (
          <button key={s} type="button" className={`chip stance-chip stance-${s}`} aria-pressed={filters.stances.includes(s)} onClick={() => set({ stances: toggle(filters.stances, s) })} title={t(`stance.${s}`)}>
            <StanceIcon stance={s} size={12} />
            <span>{t(`stance.${s}`)}</span>
          </button>
        ))}
      </div>
      <select aria-label={t('filter.buyingRole')} data-testid="filter-role" value={filters.buyingRoles[0] ?? ''} onChange={(e) => set({ buyingRoles: e.target.value ? [e.target.value as MapFilters['buyingRoles'][number]] : [] })}>
        <option value="">{t('filter.anyRole')}</option>
        {BUYING_ROLES.map((r) => <option key={r} value={r}>{t(`buyingRole.${r}`)}</option>)}
      </select>
      <select aria-label={t('filter.department')} data-testid="filter-department" value={filters.departments[0] ?? ''} onChange={(e) => set({ departments: e.target.value ? [e.target.value] : [] })}>
        <option value="">{t('filter.anyDepartment')}</option>
        {departments.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
      </select>
      <select aria-label={t('filter.influence')} data-testid="filter-influence" value={filters.influences[0] ?? ''} onChange={(e) => set({ influences: e.target.value ? [e.target.value as MapFilters['influences'][number]] : [] })}>
        <option value="">{t('filter.anyInfluence')}</option>
        {INFLUENCES.map((r) => <option key={r} value={r}>{t(`influence.${r}`)}</option>)}
      </select>
      {/* Always laid out (hidden when there is nothing to clear), so choosing a filter never
          makes the bar wrap to another line and push the map down. */}
      <button type="button" className="ghost filter-clear" data-testid="filter-clear" aria-hidden={!active} tabIndex={active ? 0 : -1}
        style={active ? undefined : { visibility: 'hidden' }} title={t('filter.clear')} aria-label={t('filter.clear')}
        onClick={() => useUiStore.getState().setFilters(NO_FILTERS)}>✕</button>
    </div>
  )
}
