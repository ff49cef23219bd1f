import { useTranslation } from 'react-i18next'
import { ELEMENTS } from '@shared/model'
import { HEATMAP_COLUMNS, type HeatmapColumn, type HeatmapSort } from './heatmap-rows'

/** Column headings; each one sorts by its column (again to flip the order). */
export function HeatmapHeader({ sort, onSort }: { sort: HeatmapSort | null; onSort(column: HeatmapColumn): void }) {
  const { t } = useTranslation('relationships')
  const label = (c: HeatmapColumn) =>
    (ELEMENTS as readonly string[]).includes(c) ? t(`element.${c}`) : t(`heatmap.${c === 'name' ? 'person' : c}`)
  const short = (c: HeatmapColumn) => ((ELEMENTS as readonly string[]).includes(c) ? t(`elementShort.${c}`) : label(c))
  return (
    <div className="heatmap-row heatmap-head" role="row" aria-rowindex={1}>
      {HEATMAP_COLUMNS.map((c) => {
        const sorted = sort?.column === c
        return (
          <div key={c} role="columnheader" className={`hm-cell hm-col-${c}`} aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
            <button type="button" className="hm-sort" data-testid={`sort-${c}`} title={t('heatmap.sortBy', { column: label(c) })} onClick={() => onSort(c)}>
              {short(c)}
              <span className="hm-sort-mark" aria-hidden="true">{sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
            </button>
          </div>
        )
      })}
    </div>
  )
}
