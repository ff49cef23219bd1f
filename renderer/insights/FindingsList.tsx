import { useTranslation } from 'react-i18next'
import type { Finding } from '@shared/analysis'
import { useDealStore } from '../state/deal-store'
import { findingMessage, findingNextStep } from './finding-text'

/** Findings, most severe first; a finding about people selects and focuses them on the map. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation('insights')
  return (
    <section className="insights-section findings" data-testid="findings">
      <h3>{t('findings.title')} <span className="muted">· {t('findings.count', { count: findings.length })}</span></h3>
      {findings.length === 0 && <p className="muted">{t('findings.none')}</p>}
      <ul className="finding-list">
        {findings.map((f, i) => {
          const ids = f.stakeholderIds ?? []
          const body = (
            <>
              <span className={`severity severity-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
              <span className="finding-message">{findingMessage(f, t)}</span>
              <span className="finding-next">{t('findings.nextStep', { step: findingNextStep(f, t) })}</span>
            </>
          )
          return (
            <li key={`${f.code}-${ids.join(',')}-${f.role ?? ''}-${i}`} className={`finding severity-${f.severity}`} data-testid="finding" data-code={f.code}
              data-stakeholders={ids.join(' ')}>
              {ids.length > 0 ? (
                <button type="button" className="finding-button" title={t('findings.showOnMap')} onClick={() => useDealStore.getState().focus(ids)}>
                  {body}
                </button>
              ) : (
                <div className="finding-button static">{body}</div>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
