import { useTranslation } from 'react-i18next'
import { describeMapStatus } from '@shared/analysis'
import { useDealStore } from '../state/deal-store'
import { useDealAnalysis } from '../state/use-deal-analysis'
import { CoverageMeters } from './CoverageMeters'
import { FindingsList } from './FindingsList'
import { ProposedActions } from './ProposedActions'
import { StatusLight } from './MapStatusBadge'
import './insights.css'

/** Map status, account coverage, findings and proposed actions for the open deal. */
export function InsightsPanel() {
  const { t } = useTranslation('insights')
  const deal = useDealStore((s) => s.deal)
  const analysis = useDealAnalysis()
  if (!deal || !analysis) return null
  const status = analysis.mapStatus
  return (
    <div className="insights-panel" data-testid="insights-panel">
      <section className={`insights-section map-status-card status-${status}`} data-testid="insights-map-status" data-status={status}>
        <h3>{t('mapStatus.label')}</h3>
        <div className="map-status-line">
          <StatusLight status={status} />
          <strong data-testid="insights-map-status-line">{describeMapStatus(status, analysis.findingCounts, t)}</strong>
          <span>{t(`mapStatus.meaning.${status}`)}</span>
        </div>
      </section>
      <CoverageMeters coverage={analysis.coverage} />
      <FindingsList findings={analysis.findings} />
      <ProposedActions proposals={analysis.proposedActions} deal={deal} />
    </div>
  )
}
