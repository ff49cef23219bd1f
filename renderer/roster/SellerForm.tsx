import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SELLER_KINDS, SELLER_LEVELS, type Seller } from '@shared/model'
import { messageOf } from '../api'
import { useWorkspaceStore } from '../state/workspace-store'
import { sellerOf, validateDraft, type SellerDraft, type SellerField } from './seller-form'

/** Create or edit one seller; errors show at the field once it was left or on save. */
export function SellerForm({ initial, isNew, onSaved }: { initial: SellerDraft; isNew: boolean; onSaved(seller: Seller): void }) {
  const { t } = useTranslation('team')
  const [draft, setDraft] = useState(initial)
  const [touched, setTouched] = useState<Partial<Record<SellerField, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [saveError, setSaveError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const errors = validateDraft(draft)
  const shown = (f: SellerField) => (submitted || touched[f]) && errors[f] ? t(`roster.error.${errors[f]}`) : undefined
  const set = (patch: Partial<SellerDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const blur = (f: SellerField) => () => setTouched((x) => ({ ...x, [f]: true }))

  const save = async () => {
    setSubmitted(true)
    if (Object.keys(errors).length > 0) return
    setBusy(true)
    setSaveError(undefined)
    try {
      // Archiving happens beside the form; keep whatever the roster says now.
      const current = useWorkspaceStore.getState().roster.find((r) => r.id === draft.id)
      const seller = sellerOf({ ...draft, archived: current?.archived })
      await useWorkspaceStore.getState().saveSeller(seller)
      onSaved(seller)
    } catch (e) {
      setSaveError(t('roster.saveFailed', { message: messageOf(e) }))
    } finally {
      setBusy(false)
    }
  }

  const fieldError = (f: SellerField) => {
    const message = shown(f)
    return message ? <span className="field-error" id={`seller-${f}-error`} role="alert" data-testid={`seller-${f}-error`}>{message}</span> : null
  }

  return (
    <form
      className="seller-form"
      data-testid="seller-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <label className="field">
        <span>{t('roster.field.name')}</span>
        <input data-testid="seller-name" value={draft.name} autoFocus={isNew} aria-invalid={!!shown('name')} aria-describedby="seller-name-error"
          onChange={(e) => set({ name: e.target.value })} onBlur={blur('name')} />
        {fieldError('name')}
      </label>
      <fieldset className="field seller-kinds" onBlur={blur('kinds')}>
        <legend>{t('roster.field.kinds')}</legend>
        {SELLER_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              data-testid={`seller-kind-${kind}`}
              checked={draft.kinds.includes(kind)}
              onChange={(e) => set({ kinds: e.target.checked ? SELLER_KINDS.filter((k) => k === kind || draft.kinds.includes(k)) : draft.kinds.filter((k) => k !== kind) })}
            />
            {t(`kindShort.${kind}`)}
          </label>
        ))}
        <span className="field-help">{t('roster.kindsHelp')}</span>
        {fieldError('kinds')}
      </fieldset>
      <label className="field">
        <span>{t('roster.field.level')}</span>
        <select data-testid="seller-level" value={draft.level} onChange={(e) => set({ level: e.target.value as SellerDraft['level'] })}>
          {SELLER_LEVELS.map((level) => <option key={level} value={level}>{t(`level.${level}`)}</option>)}
        </select>
      </label>
      <label className="field">
        <span>{t('roster.field.email')}</span>
        <input type="email" data-testid="seller-email" value={draft.email} aria-invalid={!!shown('email')} aria-describedby="seller-email-error"
          onChange={(e) => set({ email: e.target.value })} onBlur={blur('email')} />
        {fieldError('email')}
      </label>
      <label className="field">
        <span>{t('roster.field.region')}</span>
        <input data-testid="seller-region" value={draft.region} onChange={(e) => set({ region: e.target.value })} onBlur={blur('region')} />
        {fieldError('region')}
      </label>
      <label className="field">
        <span>{t('roster.field.notes')}</span>
        <textarea data-testid="seller-notes" rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} onBlur={blur('notes')} />
        {fieldError('notes')}
      </label>
      {saveError && <p className="notice notice-error" role="alert">{saveError}</p>}
      <div className="seller-form-buttons">
        <button type="submit" className="primary" data-testid="seller-save" disabled={busy}>{t('roster.save')}</button>
      </div>
    </form>
  )
}
