import './insights.css'
import { useTranslation } from 'react-i18next'
import type { AccountCoverage } from '@shared/analysis'

const DIMENSIONS = ['deep', 'broad', 'transparent'] as const

/** Deep, broad, transparent (深、广、透): each 0–100 with its definition beside it. */
export function CoverageMeters({ coverage }: { coverage: AccountCoverage }) {
  const { t } = useTranslation('insights')
  return (
    <section className="insights-section coverage" data-testid="coverage">
      <h3>{t('coverage.title')}</h3>
      <dl className="coverage-list">
        {DIMENSIONS.map((d) => (
          <div key={d} className="coverage-item" data-testid={`coverage-${d}`} data-value={coverage[d]}>
            <dt>
              <span className="coverage-name">{t(`coverage.${d}`)}</span>
              <span className="coverage-value">{coverage[d]}</span>
            </dt>
            <dd>
              <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={coverage[d]} aria-label={t(`coverage.${d}`)}>
                <span style={{ width: `${coverage[d]}%` }} />
              </div>
              <p className="coverage-definition">{t(`coverage.definition.${d}`)}</p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
