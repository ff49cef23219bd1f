import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { COMMON_CURRENCIES, OTHER_CURRENCIES, type DealFactField, type DealFactIssue } from '@shared/deal-facts'
import { STAGES, type Stage } from '@shared/model'
import { CompetitorChips } from './CompetitorChips'
import type { FactsDraft } from './facts-draft'
import './deal-details.css'

export interface DealFactsFieldsProps {
  draft: FactsDraft
  onChange(draft: FactsDraft): void
  /** Issues to show under their fields (only those the user has had a chance to cause). */
  issues: readonly DealFactIssue[]
  /** The new-deal form asks for the name first: it takes the focus. */
  autoFocusName?: boolean
}

/** Every fact of a deal as inspector-style fields; shared by the details form and the new-deal form. */
export function DealFactsFields({ draft, onChange, issues, autoFocusName }: DealFactsFieldsProps) {
  const { t } = useTranslation('dealDetails')
  const base = useId()
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => onChange({ ...draft, [key]: value })
  const messageOf = (field: DealFactField): string | undefined => {
    const issue = issues.find((i) => i.field === field)
    return issue && t(`issue.${issue.code}`, { ...issue.params })
  }
  const described = (field: DealFactField) => {
    const error = messageOf(field)
    return { 'aria-invalid': !!error, 'aria-describedby': error ? `${base}-${field}-error` : undefined }
  }
  const errorOf = (field: DealFactField) => {
    const error = messageOf(field)
    return error && <span id={`${base}-${field}-error`} className="field-error" role="alert">{error}</span>
  }
  const currencies = [...COMMON_CURRENCIES, ...OTHER_CURRENCIES]
  const currencyKnown = (currencies as readonly string[]).includes(draft.currency)
  return (
    <div className="inspector deal-facts-fields">
      <div className="field">
        <label htmlFor={`${base}-name`}>{t('field.name')}</label>
        <input id={`${base}-name`} type="text" value={draft.name} autoFocus={autoFocusName} aria-required data-testid="facts-name"
          {...described('name')} onChange={(e) => set('name', e.target.value)} />
        {errorOf('name')}
      </div>
      <div className="field">
        <label htmlFor={`${base}-customer`}>{t('field.customer')}</label>
        <input id={`${base}-customer`} type="text" value={draft.customer} data-testid="facts-customer"
          {...described('customer')} onChange={(e) => set('customer', e.target.value)} />
        {errorOf('customer')}
      </div>
      <div className="field">
        <label htmlFor={`${base}-stage`}>{t('field.stage')}</label>
        <select id={`${base}-stage`} value={draft.stage} data-testid="facts-stage" onChange={(e) => set('stage', e.target.value as Stage)}>
          {STAGES.map((s) => <option key={s} value={s}>{t(`common:stage.${s}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${base}-amount`}>{t('field.amount')}</label>
        <div className="amount-row">
          <input id={`${base}-amount`} type="text" inputMode="decimal" value={draft.amount} maxLength={24} placeholder="0" data-testid="facts-amount"
            {...described('amount')} onChange={(e) => set('amount', e.target.value)} />
          <select aria-label={t('field.currency')} value={draft.currency} data-testid="facts-currency" onChange={(e) => set('currency', e.target.value)}>
            <optgroup label={t('currencyCommon')}>
              {COMMON_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </optgroup>
            <optgroup label={t('currencyOther')}>
              {!currencyKnown && <option value={draft.currency}>{draft.currency}</option>}
              {OTHER_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
            </optgroup>
          </select>
        </div>
        {errorOf('amount')}
      </div>
      <div className="field">
        <label htmlFor={`${base}-close`}>{t('field.closeDate')}</label>
        <input id={`${base}-close`} type="date" value={draft.closeDate} data-testid="facts-close-date"
          {...described('closeDate')} onChange={(e) => onChange({ ...draft, closeDate: e.target.value, closeDateUnreadable: e.target.validity?.badInput ?? false })}
          onBlur={(e) => { const bad = e.target.validity?.badInput ?? false; if (bad !== draft.closeDateUnreadable) onChange({ ...draft, closeDateUnreadable: bad }) }} />
        {errorOf('closeDate')}
      </div>
      <CompetitorChips value={draft.competitors} onChange={(c) => set('competitors', c)} error={messageOf('competitors')} />
      <div className="field">
        <label htmlFor={`${base}-notes`}>{t('field.notes')}</label>
        <textarea id={`${base}-notes`} rows={3} value={draft.notes} data-testid="facts-notes"
          {...described('notes')} onChange={(e) => set('notes', e.target.value)} />
        {errorOf('notes')}
      </div>
    </div>
  )
}
