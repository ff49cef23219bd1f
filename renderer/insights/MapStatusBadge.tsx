import { useTranslation } from 'react-i18next'
import type { MapStatus } from '@shared/analysis'
import { useDealAnalysis } from '../relationships/use-analysis'
import { useUiStore } from '../state/ui-store'
import './insights.css'

/** Red / amber / green with its meaning on hover; a button that opens the insights panel. */
export function MapStatusBadge() {
  const { t } = useTranslation('insights')
  const analysis = useDealAnalysis()
  if (!analysis) return null
  const status = analysis.mapStatus
  return (
    <button type="button" className={`map-status-badge status-${status}`} data-testid="map-status" data-status={status}
      title={t(`mapStatus.meaning.${status}`)} onClick={() => useUiStore.getState().setPanel('insights')}>
      <StatusLight status={status} />
      {t('mapStatus.badge', { status: t(`mapStatus.${status}`) })}
    </button>
  )
}

/** A traffic light that differs in shape as well as colour (circle, triangle, square). */
export function StatusLight({ status }: { status: MapStatus }) {
  return (
    <svg className="status-light" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      {status === 'green' && <circle cx="6" cy="6" r="5.5" />}
      {status === 'amber' && <path d="M6 0.5 L11.5 11 L0.5 11 Z" />}
      {status === 'red' && <rect x="1" y="1" width="10" height="10" />}
    </svg>
  )
}
