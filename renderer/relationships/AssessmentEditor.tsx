import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { daysBetween, scoreRelationship, type RelationshipScore } from '@shared/analysis'
import { ELEMENTS, VALUE_KINDS, type Element, type Relationship, type Stakeholder, type ValueKind } from '@shared/model'
import { formatDate } from '../i18n/format'
import { useWorkspaceStore } from '../state/workspace-store'
import { today } from '../state/today'
import { DateField } from '../ui/DateField'
import { ElementRow } from './ElementRow'
import { edit } from './relationship-edits'

/** The seven-element assessment of one seller's relationship with one stakeholder. */
export function AssessmentEditor({ stakeholder, relationship, sellerName }: { stakeholder: Stakeholder; relationship: Relationship; sellerName: string }) {
  const { t } = useTranslation('relationships')
  const cadenceDays = useWorkspaceStore((s) => s.settings.cadenceDays)
  const date = today()
  const score = useMemo(() => scoreRelationship(relationship, stakeholder, { today: date, cadenceDays }), [relationship, stakeholder, date, cadenceDays])
  const pair = { stakeholderId: stakeholder.id, sellerId: relationship.sellerId }
  const setScore = (element: Element, value: number | null) => edit({ type: 'set-element', ...pair, element, score: value })

  return (
    <section className="assessment" data-testid="assessment" data-seller-id={relationship.sellerId} aria-label={t('relationshipOf', { seller: sellerName, name: stakeholder.name })}>
      <header className="assessment-head">
        <h4>{sellerName}</h4>
        <span className={`band-chip band-${score.band}`} data-testid="assessment-total">
          {t('totalOf', { total: score.total })} · {t(`band.${score.band}`)}
        </span>
      </header>
      <ContributionBar score={score} />
      {ELEMENTS.map((element) => (
        <ElementRow
          key={element}
          element={element}
          result={score.elements[element]}
          contribution={score.contributions[element]}
          derivedWhy={derivedWhy(element, score, stakeholder, relationship, date, t)}
          onScore={(v) => setScore(element, v)}
          onReset={() => setScore(element, null)}
        />
      ))}
      <div className="field">
        <label>
          {t('valueKind')}
          <select value={relationship.valueKind ?? ''} data-testid="value-kind" onChange={(e) => edit({ type: 'set-relationship-field', ...pair, field: 'valueKind', value: (e.target.value || null) as ValueKind | null })}>
            <option value="">{t('valueKindNone')}</option>
            {VALUE_KINDS.map((k) => <option key={k} value={k}>{t(`valueKindOption.${k}`)}</option>)}
          </select>
        </label>
      </div>
      <DateField label={t('knownSince')} value={relationship.knownSince ?? ''} max={date} allowEmpty testId="known-since"
        futureMessage={t('error.futureKnownSince')} badMessage={t('error.badDate')}
        onCommit={(v) => edit({ type: 'set-relationship-field', ...pair, field: 'knownSince', value: v || null })} />
      <button type="button" className="link-button danger-text" onClick={() => edit({ type: 'remove-relationship', ...pair })}>
        {t('remove')}
      </button>
    </section>
  )
}

/** A stacked bar: how much each element adds to the total, so the score explains itself. */
function ContributionBar({ score }: { score: RelationshipScore }) {
  const { t } = useTranslation('relationships')
  return (
    <div className="contribution-bar" aria-hidden="true">
      {ELEMENTS.map((e) => score.contributions[e] > 0 && (
        <span key={e} className={`contribution el-${e}`} style={{ width: `${score.contributions[e]}%` }} title={`${t(`element.${e}`)} +${score.contributions[e]}`} />
      ))}
    </div>
  )
}

function derivedWhy(element: Element, score: RelationshipScore, stakeholder: Stakeholder, relationship: Relationship, date: string,
  t: (key: string, o?: Record<string, unknown>) => string): string | undefined {
  if (element === 'frequency') {
    // Frequency counts this seller's own contacts, so say when this seller last called.
    const last = stakeholder.contacts.filter((c) => c.sellerId === relationship.sellerId && c.date <= date).reduce<string | undefined>((a, c) => (!a || c.date > a ? c.date : a), undefined)
    return last === undefined
      ? t('frequencyWhy_never', { cadence: score.cadenceDays })
      : t('frequencyWhy', { days: daysBetween(last, date), cadence: score.cadenceDays })
  }
  if (element === 'length') {
    return relationship.knownSince ? t('lengthWhy', { date: formatDate(relationship.knownSince) }) : t('lengthWhy_none')
  }
  return undefined
}
