import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FREEDOMS, TRAITS, type SellerGrowth } from '@shared/growth'
import { LIMITS, type Seller } from '@shared/model'
import { AppFailure } from '../api'
import { DateField } from '../ui/DateField'
import { formatDate } from '../i18n/format'
import { useHistoryStore } from '../state/history-store'
import { today } from '../state/today'
import { draftOf, growthOf, type PersonalDraft } from './personal-draft'

const SCORES = [0, 1, 2, 3, 4, 5] as const

/** The four traits (0–5, with the rubric line for the seller's level) and the four freedoms, saved to growth.json. */
export function PersonalGrowth({ seller, growth }: { seller: Seller; growth: SellerGrowth | undefined }) {
  const { t } = useTranslation('growth')
  const [draft, setDraft] = useState<PersonalDraft>(() => draftOf(growth, seller.name, today()))
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; text: string }>({ kind: 'idle' })
  const [dateOk, setDateOk] = useState(true)
  const edit = (change: (d: PersonalDraft) => PersonalDraft) => {
    setDraft(change)
    setStatus({ kind: 'idle' })
  }
  const save = async () => {
    setStatus({ kind: 'saving' })
    try {
      await useHistoryStore.getState().saveGrowth(seller.id, growthOf(draft))
      setStatus({ kind: 'saved' })
    } catch (e) {
      setStatus({ kind: 'failed', text: failureText(e, t) })
    }
  }
  const saved = growth?.assessment
  return (
    <div className="growth-personal" data-testid="growth-personal">
      <p className="growth-private" data-testid="growth-private">{t('private')}</p>
      <section aria-labelledby="growth-traits">
        <h3 id="growth-traits">{t('traits.title')}</h3>
        <p className="growth-muted">
          {t('traits.intro')}{' '}
          {saved ? t('traits.last', { date: formatDate(saved.on), assessor: saved.assessor, by: t(`traits.${saved.by}`) }) : t('traits.never')}
        </p>
        <ul className="growth-traits">
          {TRAITS.map((trait) => (
            <li key={trait} className="growth-trait" data-testid="growth-trait" data-trait={trait}>
              <span className="growth-trait-name">{t(`traits.${trait}`)}</span>
              <span className="growth-scale" role="radiogroup" aria-label={t(`traits.${trait}`)}>
                {SCORES.map((n) => (
                  <button key={n} type="button" role="radio" aria-checked={draft.scores[trait] === n} data-score={n}
                    className={`growth-score${draft.scores[trait] === n ? ' on' : ''}`}
                    aria-label={t('traits.score', { trait: t(`traits.${trait}`), score: n })}
                    onClick={() => edit((d) => ({ ...d, assessed: true, scores: { ...d.scores, [trait]: n } }))}>
                    {n}
                  </button>
                ))}
              </span>
              <span className="growth-rubric">{t(`rubric.${trait}.${seller.level}`)}</span>
            </li>
          ))}
        </ul>
        <div className="growth-assessor">
          <label className="field">
            <span>{t('traits.by')}</span>
            <select data-testid="growth-by" value={draft.by} onChange={(e) => edit((d) => ({ ...d, by: e.target.value as PersonalDraft['by'] }))}>
              <option value="self">{t('traits.self')}</option>
              <option value="manager">{t('traits.manager')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('traits.assessor')}</span>
            <input data-testid="growth-assessor" value={draft.assessor} maxLength={LIMITS.shortText} onChange={(e) => edit((d) => ({ ...d, assessor: e.target.value }))} />
          </label>
          <DateField label={t('traits.on')} value={draft.on} max={today()} futureMessage={t('traits.future')} badMessage={t('traits.badDate')}
            onCommit={(on) => edit((d) => ({ ...d, on }))} onValidity={setDateOk} testId="growth-on" />
        </div>
      </section>
      <section aria-labelledby="growth-freedoms">
        <h3 id="growth-freedoms">{t('freedoms.title')}</h3>
        <p className="growth-muted">{t('freedoms.intro')}</p>
        <ul className="growth-freedoms">
          {FREEDOMS.map((f) => (
            <li key={f} data-testid="growth-freedom" data-freedom={f}>
              <label className="check">
                <input type="checkbox" checked={draft.freedoms[f].reached}
                  onChange={(e) => edit((d) => ({ ...d, freedoms: { ...d.freedoms, [f]: { ...d.freedoms[f], reached: e.target.checked } } }))} />
                <strong>{t(`freedoms.${f}.label`)}</strong>
              </label>
              <span className="growth-muted">{t(`freedoms.${f}.prompt`)}</span>
              <textarea rows={2} maxLength={LIMITS.longText} aria-label={t('freedoms.note', { freedom: t(`freedoms.${f}.label`) })} value={draft.freedoms[f].note}
                onChange={(e) => edit((d) => ({ ...d, freedoms: { ...d.freedoms, [f]: { ...d.freedoms[f], note: e.target.value } } }))} />
            </li>
          ))}
        </ul>
      </section>
      <div className="growth-save">
        <button type="button" className="primary" data-testid="growth-save" disabled={status.kind === 'saving' || !dateOk || (draft.assessed && draft.assessor.trim() === '')} onClick={() => void save()}>
          {status.kind === 'saving' ? t('saving') : t('save')}
        </button>
        {status.kind === 'saved' && <span className="growth-saved" data-testid="growth-saved" role="status">✓ {t('saved')}</span>}
        {status.kind === 'failed' && <span className="error" role="alert" data-testid="growth-save-error">{status.text}</span>}
      </div>
    </div>
  )
}

function failureText(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof AppFailure) {
    if (error.code === 'io') return t('saveFailed.io', { reason: error.reason ?? error.code })
    if (error.code === 'damaged' || error.code === 'not-found') return t(`saveFailed.${error.code}`)
  }
  return t('saveFailed.other', { message: (error as Error)?.message ?? String(error) })
}
