import { useTranslation } from 'react-i18next'
import { STANCES, type Stance } from '@shared/model'
import { useDealStore } from '../../state/deal-store'
import { SelectField } from './fields'

/** Several people selected: what can be done to all of them at once. */
export function MultiSelection({ ids }: { ids: string[] }) {
  const { t } = useTranslation('map')
  const setStance = (stance: Stance | '') => {
    if (!stance) return
    useDealStore.getState().dispatchAll(ids.map((id) => ({ type: 'set-field' as const, stakeholderId: id, field: 'stance' as const, value: stance })))
  }
  return (
    <div className="inspector" data-testid="multi-inspector">
      <h2 className="inspector-heading">{t('inspector.multi', { count: ids.length })}</h2>
      <SelectField<Stance> label={t('inspector.setStanceAll')} value="" onChange={setStance}
        options={[{ value: '', label: '—' }, ...STANCES.map((s) => ({ value: s, label: t(`stance.${s}`) }))]} />
      <p className="muted">{t('inspector.multiHint')}</p>
    </div>
  )
}
