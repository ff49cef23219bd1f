import type { TFunction } from 'i18next'
import { useBranchStore } from './branch-store'
import { focusOnBranch } from './branch-actions'

/**
 * On a manager's card: hide or show the people under them (the count of those hidden is on the
 * button), and focus the map on their branch.
 */
export function BranchToggle({ id, name, t }: { id: string; name: string; t: TFunction<'map'> }) {
  const reports = useBranchStore((s) => s.reportCount.get(id) ?? 0)
  const hidden = useBranchStore((s) => s.hiddenUnder.get(id))
  if (reports === 0) return null
  const collapsed = hidden !== undefined
  const label = collapsed ? t('branch.expand', { count: hidden, name }) : t('branch.collapse', { count: reports, name })
  return (
    <span className="branch-controls">
      <button
        type="button" className="branch-toggle nodrag" data-testid="branch-toggle" aria-expanded={!collapsed} title={label} aria-label={label}
        onClick={(e) => { e.stopPropagation(); useBranchStore.getState().toggleCollapsed(id) }}
      >
        {collapsed ? `+${hidden}` : '−'}
      </button>
      <button
        type="button" className="branch-focus nodrag" data-testid="branch-focus" title={t('branch.focus', { name })} aria-label={t('branch.focus', { name })}
        onClick={(e) => { e.stopPropagation(); focusOnBranch(id) }}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" /><circle cx="6" cy="6" r="1.5" fill="currentColor" /></svg>
      </button>
    </span>
  )
}
