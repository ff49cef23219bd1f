import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { ELEMENTS, STANCES, type Element, type Stance } from '@shared/model'
import { useDealStore } from '../../state/deal-store'
import type { HeatmapRow } from './heatmap-rows'

/** One relationship in the heatmap. Memoised: a row re-renders only when its data changes. */
export const HeatmapRowView = memo(function HeatmapRowView({ row, index, top, activeElement, onActivate }: {
  row: HeatmapRow
  index: number
  top: number
  activeElement?: Element
  onActivate(element: Element): void
}) {
  const { t } = useTranslation(['relationships', 'map'])
  const editable = row.sellerId !== null
  return (
    <div className={`heatmap-row${row.assessed ? '' : ' unassessed'}`} role="row" aria-rowindex={index + 2} style={{ transform: `translateY(${top}px)` }}
      data-testid="heatmap-row" data-stakeholder-id={row.stakeholderId} data-seller-id={row.sellerId ?? ''}>
      <div role="rowheader" className="hm-cell hm-col-name">
        <button type="button" className="hm-name" title={row.name} onClick={() => useDealStore.getState().focus([row.stakeholderId])}>{row.name}</button>
      </div>
      <div role="gridcell" className="hm-cell hm-col-seller" title={editable ? row.sellerName : t('relationships:heatmap.noOwner')}>
        <span className="hm-text">{row.sellerName || '—'}</span>
        {!row.assessed && editable && <span className="sr-only"> ({t('relationships:notAssessed')})</span>}
      </div>
      <div role="gridcell" className="hm-cell hm-col-stance">
        <select className={`hm-stance stance-${row.stance}`} aria-label={t('map:field.stance')} value={row.stance} data-testid="heatmap-stance"
          onChange={(e) => useDealStore.getState().dispatch({ type: 'set-field', stakeholderId: row.stakeholderId, field: 'stance', value: e.target.value as Stance })}>
          {STANCES.map((s) => <option key={s} value={s}>{t(`map:stance.${s}`)}</option>)}
        </select>
      </div>
      {ELEMENTS.map((element) => {
        const result = row.elements?.[element]
        const score = result && (row.assessed || result.derived) ? result.score : undefined
        const mark = result?.derived ? 'derived' : result?.overridden ? 'override' : ''
        return (
          <div
            key={element}
            id={`hm-${index}-${element}`}
            role="gridcell"
            aria-selected={activeElement === element}
            aria-readonly={!editable}
            aria-label={`${row.name}, ${t(`relationships:element.${element}`)}: ${score ?? '—'}${mark ? ` (${t(`relationships:${mark}`)})` : ''}`}
            title={score !== undefined ? t(`relationships:rubric.${element}.${score}`) : editable ? t('relationships:notAssessed') : t('relationships:heatmap.noOwner')}
            className={`hm-cell hm-score heat-${score ?? 'na'}${mark ? ` ${mark}` : ''}${activeElement === element ? ' active' : ''}`}
            data-element={element}
            data-score={score ?? ''}
            data-derived={result?.derived ? 'true' : 'false'}
            onClick={editable ? () => onActivate(element) : undefined}
          >
            {score ?? '·'}
          </div>
        )
      })}
      <div role="gridcell" className="hm-cell hm-col-total" data-testid="heatmap-total">{row.assessed ? row.total : '—'}</div>
      <div role="gridcell" className="hm-cell hm-col-band">
        {row.band ? <span className={`strength-band band-${row.band}`}>{t(`relationships:band.${row.band}`)}</span> : <span className="muted" title={t('relationships:notAssessed')}>—</span>}
      </div>
    </div>
  )
})
