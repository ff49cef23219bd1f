import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeMapStatus, joinWords, type DealAnalysis, type MapStatus } from '@shared/analysis'
import { useDealAnalysisLater } from '../state/use-deal-analysis'
import { usePaintedOnce } from '../ui/after-paint'
import { useUiStore } from '../state/ui-store'
import './insights.css'

const STATUSES: readonly MapStatus[] = ['green', 'amber', 'red']

/**
 * The map status with the serious findings and warnings still open ("Green · 1 serious"): a
 * green map is not all clear while a serious finding is open. One click shows what each
 * status means, with a way on to the insights panel. It comes in the frame after the deal
 * view's first: opening a large deal, the map is drawn without waiting for the analysis
 * (docs/performance.md, "Open, part 3").
 */
export function MapStatusBadge() {
  const analysisLater = useDealAnalysisLater()
  const painted = usePaintedOnce()
  const analysis = painted ? analysisLater() : null
  return analysis ? <StatusBadge analysis={analysis} /> : null
}

/**
 * The badge for one analysis. Memoised on it: the badge's words cost a dozen translations,
 * and a colleague's edit renders the top bar once before its analysis is ready
 * (use-deal-analysis.ts), a render in which this analysis is still the last one.
 */
const StatusBadge = memo(function StatusBadge({ analysis }: { analysis: DealAnalysis }) {
  const { t } = useTranslation('insights')
  const [open, setOpen] = useState(false)
  const status = analysis.mapStatus
  const counts = analysis.findingCounts
  const stillOpen = [
    ...(counts.error > 0 ? [t('mapStatus.serious', { count: counts.error })] : []),
    ...(counts.warning > 0 ? [t(counts.warning === 1 ? 'mapStatus.warningOne' : 'mapStatus.warningMany', { count: counts.warning })] : []),
  ]
  const openFindings = joinWords(stillOpen, t)
  return (
    <div className="map-status-wrap" onKeyDown={(e) => { if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false) } }}>
      <button type="button" className={`map-status-badge status-${status}`} data-testid="map-status" data-status={status}
        aria-expanded={open} aria-controls="map-status-definition" title={t('mapStatus.explain')} onClick={() => setOpen(!open)}>
        <StatusLight status={status} />
        <span className="map-status-prefix">{t('mapStatus.prefix')}</span>
        <span className="map-status-line" data-testid="map-status-line">{describeMapStatus(status, counts, t)}</span>
      </button>
      {open && (
        <div className="map-status-popover" id="map-status-definition" role="dialog" aria-label={t('mapStatus.explain')} data-testid="map-status-definition">
          <h4>{t('mapStatus.explain')}</h4>
          <ul className="map-status-definitions">
            {STATUSES.map((s) => (
              <li key={s} className={`status-${s}${s === status ? ' current' : ''}`} data-status={s}>
                <StatusLight status={s} />
                <strong>{t(`mapStatus.${s}`)}</strong>
                <span>{t(`mapStatus.meaning.${s}`)}</span>
              </li>
            ))}
          </ul>
          <p className="map-status-open">{openFindings ? t('mapStatus.openFindings', { findings: openFindings }) : t('mapStatus.noOpenFindings')}</p>
          <button type="button" className="small" onClick={() => { setOpen(false); useUiStore.getState().setPanel('insights') }}>{t('mapStatus.openInsights')}</button>
        </div>
      )}
    </div>
  )
})

/** A traffic light that differs in shape as well as colour (circle, triangle, square). */
export function StatusLight({ status }: { status: MapStatus }) {
  return (
    <svg className={`status-light status-${status}`} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      {status === 'green' && <circle cx="6" cy="6" r="5.5" />}
      {status === 'amber' && <path d="M6 0.5 L11.5 11 L0.5 11 Z" />}
      {status === 'red' && <rect x="1" y="1" width="10" height="10" />}
    </svg>
  )
}
