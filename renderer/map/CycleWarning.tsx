import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { reportsToCycleMembers } from '@shared/reports-to'
import { useDealStore } from '../state/deal-store'

/** A reports-to loop is allowed (matrix orgs) but worth a look. */
export function CycleWarning() {
  const { t } = useTranslation('map')
  const links = useDealStore((s) => s.deal?.links)
  const members = useMemo(() => [...reportsToCycleMembers(links ?? [])], [links])
  if (members.length === 0) return null
  return (
    <div className="map-warning" role="status" data-testid="cycle-warning" data-map-overlay="">
      ⟳ {t('warning.cycle', { count: members.length })}{' '}
      <button type="button" className="link-button" onClick={() => useDealStore.getState().focus(members)}>
        {t('warning.showCycle')}
      </button>
    </div>
  )
}
