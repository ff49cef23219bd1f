import { useTranslation } from 'react-i18next'
import { departmentKey } from '@shared/departments'
import { useDealStore } from '../state/deal-store'
import { useBranchStore } from './branch-store'
import { showEveryone } from './branch-actions'

/** While the map shows one branch or department: what is shown, and the way back. */
export function FocusBanner() {
  const { t } = useTranslation('map')
  const focus = useBranchStore((s) => s.focus)
  const collapsed = useBranchStore((s) => s.collapsed.size)
  const shown = focus !== null || collapsed > 0
  // The deal only while the banner shows: otherwise an edit does not redraw it.
  const deal = useDealStore((s) => (shown ? s.deal : null))
  if (!deal || !shown) return null
  const focused = focus?.kind === 'branch' ? deal.stakeholders.find((s) => s.id === focus.id) : undefined
  if (focus?.kind === 'branch' && !focused) return null
  let what: string
  if (focus?.kind === 'branch') what = t('focus.branch', { name: focused?.name ?? '' })
  else if (focus?.kind === 'department') what = t('focus.department', { department: deal.stakeholders.find((s) => departmentKey(s.department) === focus.key)?.department ?? focus.key })
  else what = t('focus.collapsed', { count: collapsed })
  return (
    <div className="map-focus-banner" role="status" data-testid="focus-banner" data-map-overlay="">
      <span>{what}</span>
      <button type="button" className="primary" data-testid="show-everyone" onClick={showEveryone}>{t('focus.showEveryone')}</button>
    </div>
  )
}
