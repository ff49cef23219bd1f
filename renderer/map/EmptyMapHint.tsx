import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { addStakeholder } from './map-operations'

export function EmptyMapHint() {
  const { t } = useTranslation('map')
  const empty = useDealStore((s) => s.deal?.stakeholders.length === 0)
  if (!empty) return null
  return (
    <div className="empty-map-hint">
      <p>{t('emptyMap')}</p>
      <button type="button" className="primary" onClick={() => addStakeholder()}>{t('actions.addStakeholder')}</button>
    </div>
  )
}
