import { useTranslation } from 'react-i18next'
import { STAGES } from '@shared/model'
import type { DealListQuery, DealSort } from './deal-list-query'

/** Search, stage filter and sort for the deals list. */
export function DealsListControls({ query, onChange }: { query: DealListQuery; onChange(q: DealListQuery): void }) {
  const { t } = useTranslation(['palette', 'common'])
  return (
    <div className="deals-controls" role="search">
      <input
        type="search"
        data-testid="deal-search"
        placeholder={t('deals.search')}
        aria-label={t('deals.search')}
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
      />
      <label>
        {t('deals.stage')}
        <select data-testid="deal-stage-filter" value={query.stage} onChange={(e) => onChange({ ...query, stage: e.target.value as DealListQuery['stage'] })}>
          <option value="">{t('deals.allStages')}</option>
          {STAGES.map((s) => <option key={s} value={s}>{t(`common:stage.${s}`)}</option>)}
        </select>
      </label>
      <label>
        {t('deals.sort')}
        <select data-testid="deal-sort" value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as DealSort })}>
          <option value="name">{t('deals.byName')}</option>
          <option value="close-date">{t('deals.byCloseDate')}</option>
          <option value="amount">{t('deals.byAmount')}</option>
        </select>
      </label>
    </div>
  )
}
