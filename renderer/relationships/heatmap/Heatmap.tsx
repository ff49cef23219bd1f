import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ELEMENTS, type Element } from '@shared/model'
import { useDealStore } from '../../state/deal-store'
import { useWorkspaceStore } from '../../state/workspace-store'
import { today } from '../../state/today'
import { edit } from '../relationship-edits'
import { heatmapRows, nextSort, sortRows, type HeatmapRow, type HeatmapSort } from './heatmap-rows'
import { HeatmapHeader } from './HeatmapHeader'
import { HeatmapRowView } from './HeatmapRowView'
import '../relationships.css'
import '../../ui/strength.css'
import './heatmap.css'

export const ROW_HEIGHT = 30
const OVERSCAN = 8
/** Rows drawn before the body has been measured (and in jsdom, which measures nothing). */
const DEFAULT_VISIBLE = 40

export interface ActiveCell {
  row: number
  element: Element
}

/**
 * Stakeholders × seven elements + total + band: sortable by any column and editable in place.
 * Only the rows in view are drawn, so a 1,000-person map scrolls smoothly.
 */
export function Heatmap() {
  const { t, i18n } = useTranslation('relationships')
  const deal = useDealStore((s) => s.deal)
  const roster = useWorkspaceStore((s) => s.roster)
  const cadenceDays = useWorkspaceStore((s) => s.settings.cadenceDays)
  const [sort, setSort] = useState<HeatmapSort | null>(null)
  const [active, setActive] = useState<ActiveCell | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(0)
  const body = useRef<HTMLDivElement>(null)
  const date = today()
  const rows = useMemo(() => (deal ? heatmapRows(deal, roster, date, cadenceDays) : []), [deal, roster, date, cadenceDays])
  const sorted = useMemo(() => (sort ? sortRows(rows, sort, i18n.language) : rows), [rows, sort, i18n.language])

  useEffect(() => {
    const el = body.current
    if (!el) return
    const measure = () => setViewport(el.clientHeight)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  if (!deal) return null
  const visible = viewport > 0 ? Math.ceil(viewport / ROW_HEIGHT) : DEFAULT_VISIBLE
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(sorted.length, Math.floor(scrollTop / ROW_HEIGHT) + visible + OVERSCAN)

  const setScore = (row: HeatmapRow, element: Element, score: number | null) => {
    if (!row.sellerId) return
    edit({ type: 'set-element', stakeholderId: row.stakeholderId, sellerId: row.sellerId, element, score })
  }

  const moveTo = (cell: ActiveCell) => {
    setActive(cell)
    const el = body.current
    if (!el) return
    const top = cell.row * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (!active || e.target !== body.current) return
    const row = sorted[active.row]
    if (!row) return
    const col = ELEMENTS.indexOf(active.element)
    const result = row.elements?.[active.element]
    if (/^[0-5]$/.test(e.key)) setScore(row, active.element, Number(e.key))
    else if ((e.key === '+' || e.key === '=') && result) setScore(row, active.element, Math.min(5, result.score + 1))
    else if ((e.key === '-' || e.key === '_') && result) setScore(row, active.element, Math.max(0, result.score - 1))
    else if ((e.key === 'Delete' || e.key === 'Backspace') && result?.overridden) setScore(row, active.element, null)
    else if (e.key === 'ArrowRight') moveTo({ ...active, element: ELEMENTS[Math.min(ELEMENTS.length - 1, col + 1)] })
    else if (e.key === 'ArrowLeft') moveTo({ ...active, element: ELEMENTS[Math.max(0, col - 1)] })
    else if (e.key === 'ArrowDown') moveTo({ ...active, row: Math.min(sorted.length - 1, active.row + 1) })
    else if (e.key === 'ArrowUp') moveTo({ ...active, row: Math.max(0, active.row - 1) })
    else if (e.key === 'Escape') setActive(null)
    else return
    // Keys used here never reach the map (Delete would remove the selected person).
    e.preventDefault()
    e.stopPropagation()
  }

  const activeId = active ? `hm-${active.row}-${active.element}` : undefined
  return (
    <div className="heatmap" data-testid="heatmap">
      <p className="heatmap-help muted">{t('heatmap.help')} · {t('heatmap.count', { count: sorted.length })}</p>
      <div className="heatmap-grid" role="grid" aria-label={t('heatmap.caption')} aria-rowcount={sorted.length + 1}>
        <HeatmapHeader sort={sort} onSort={(c) => setSort(nextSort(sort, c))} />
        <div
          ref={body}
          className="heatmap-body"
          tabIndex={0}
          role="rowgroup"
          data-testid="heatmap-body"
          aria-activedescendant={activeId}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          onKeyDown={onKeyDown}
        >
          {sorted.length === 0 && <p className="muted heatmap-empty">{t('heatmap.empty')}</p>}
          <div className="heatmap-spacer" style={{ height: sorted.length * ROW_HEIGHT }}>
            {sorted.slice(first, last).map((row, i) => (
              <HeatmapRowView
                key={row.key}
                row={row}
                index={first + i}
                top={(first + i) * ROW_HEIGHT}
                activeElement={active?.row === first + i ? active.element : undefined}
                onActivate={(element) => {
                  setActive({ row: first + i, element })
                  body.current?.focus()
                }}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  )
}
