import { useState } from 'react'
import { useTranslation } from 'react-i18next'

export function NewDealForm({ onCreate, onCancel }: { onCreate(fields: { name: string; customer: string }): void; onCancel(): void }) {
  const { t } = useTranslation('common')
  const [name, setName] = useState('')
  const [customer, setCustomer] = useState('')
  const [touched, setTouched] = useState(false)
  const nameError = touched && name.trim() === '' ? t('validation.nameRequired') : undefined
  return (
    <form
      className="new-deal-form"
      data-testid="new-deal-form"
      onSubmit={(e) => {
        e.preventDefault()
        setTouched(true)
        if (name.trim()) onCreate({ name: name.trim(), customer: customer.trim() })
      }}
    >
      <label>
        {t('deals.name')}
        <input autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} aria-invalid={!!nameError} aria-describedby={nameError ? 'new-deal-name-error' : undefined} />
      </label>
      {nameError && <span id="new-deal-name-error" className="field-error" role="alert">{nameError}</span>}
      <label>
        {t('deals.customer')}
        <input value={customer} maxLength={200} onChange={(e) => setCustomer(e.target.value)} />
      </label>
      <div className="form-buttons">
        <button type="submit" className="primary" data-testid="create-deal">{t('deals.create')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  )
}
