import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DealFactsPatch } from '@shared/deal-facts'
import { newDeal } from '@shared/model'
import { DealFactsFields, draftOf, factsFromDraft } from '../deal-details'

export type NewDealFields = { name: string; customer: string } & DealFactsPatch

/** A new deal's facts, asked up front; only the name is required. */
export function NewDealForm({ onCreate, onCancel }: { onCreate(fields: NewDealFields): void; onCancel(): void }) {
  const { t } = useTranslation('common')
  const [draft, setDraft] = useState(() => draftOf(newDeal({ name: '' })))
  const [touched, setTouched] = useState(false)
  const { facts, issues } = factsFromDraft(draft)
  // The empty name is only an error once the user tried to create; other issues show as they are typed.
  const shown = touched ? issues : issues.filter((i) => i.code !== 'name-required')
  return (
    <form
      className="new-deal-form"
      data-testid="new-deal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        setTouched(true)
        if (issues.length) return
        onCreate({ ...facts, name: facts.name.trim(), customer: facts.customer.trim() })
      }}
    >
      <DealFactsFields draft={draft} onChange={setDraft} issues={shown} autoFocusName />
      <div className="form-buttons">
        <button type="submit" className="primary" data-testid="create-deal">{t('deals.create')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  )
}
