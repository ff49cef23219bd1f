import { useTranslation } from 'react-i18next'
import type { ElementResult } from '@shared/analysis'
import type { Element } from '@shared/model'
import { formatNumber } from '../i18n/format'
import { ScoreScale } from './ScoreScale'

/**
 * One of the seven elements: the 0–5 scale, the rubric line of the chosen level and what it
 * adds to the total. Frequency and length say whether they are derived or overridden.
 */
export function ElementRow({ element, result, contribution, derivedWhy, onScore, onReset }: {
  element: Element
  result: ElementResult
  contribution: number
  /** Why the derived score is what it is (frequency and length only). */
  derivedWhy?: string
  onScore(score: number): void
  onReset?(): void
}) {
  const { t } = useTranslation('relationships')
  const name = t(`element.${element}`)
  const rubric = (score: number) => t(`rubric.${element}.${score}`)
  return (
    <div className="element-row" data-testid={`element-${element}`} data-score={result.score}>
      <div className="element-head">
        <span className="element-name" title={t(`elementHelp.${element}`)}>{name}</span>
        {result.derived && <span className="derived-tag" title={t('derivedHint', { why: derivedWhy ?? '' })}>{t('derived')}</span>}
        {result.overridden && (
          <>
            <span className="override-tag" title={t('overrideHint', { score: result.derivedScore })}>{t('override')}</span>
            <button type="button" className="link-button" data-testid={`reset-${element}`} onClick={onReset}>
              {t('resetDerived', { score: result.derivedScore })}
            </button>
          </>
        )}
        <span className="element-points" title={t('why', { points: formatNumber(100 / 35, { maximumFractionDigits: 1 }) })}>
          {t('contribution', { points: formatNumber(contribution, { maximumFractionDigits: 1 }) })}
        </span>
      </div>
      <ScoreScale label={name} value={result.score} onChange={onScore} levelTitle={rubric} muted={result.derived} testId={`scale-${element}`} />
      <div className="element-rubric" data-testid={`rubric-${element}`}>{rubric(result.score)}</div>
      {result.derived && derivedWhy && <div className="element-derived-why">{derivedWhy}</div>}
    </div>
  )
}
