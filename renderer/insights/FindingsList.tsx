import { useTranslation } from 'react-i18next'
import { describeFinding, type Finding } from '@shared/analysis'
import { useDealStore } from '../state/deal-store'

/**
 * Findings, most severe first; a finding about people selects and focuses them on the map.
 * A person with several findings is listed once, with each reason and its next step.
 */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation('insights')
  return (
    <section className="insights-section findings" data-testid="findings">
      <h3>{t('findings.title')} <span className="muted">· {t('findings.count', { count: findings.length })}</span></h3>
      {findings.length === 0 && <p className="muted">{t('findings.none')}</p>}
      <ul className="finding-list">
        {findings.map((f, i) => {
          const ids = f.stakeholderIds ?? []
          const described = describeFinding(f, t)
          const body = (
            <>
              <span className={`severity severity-${f.severity}`}>{t(`severity.${f.severity}`)}</span>
              <span className="finding-message">{described.text}</span>
              {described.next && <span className="finding-next">{t('findings.nextStep', { step: described.next })}</span>}
              {described.reasons.length > 0 && (
                <span className="finding-reasons">
                  {described.reasons.map((r) => (
                    <span key={r.code} className={`finding-reason severity-${r.severity}`} data-testid="finding-reason" data-code={r.code}>
                      <span className="finding-reason-text">{r.text}</span>
                      {r.next && <span className="finding-next">{t('findings.nextStep', { step: r.next })}</span>}
                    </span>
                  ))}
                </span>
              )}
            </>
          )
          return (
            <li key={`${f.code}-${ids.join(',')}-${f.role ?? ''}-${i}`} className={`finding severity-${f.severity}`} data-testid="finding" data-code={f.code}
              data-codes={(f.reasons ?? [f]).map((r) => r.code).join(' ')}
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
