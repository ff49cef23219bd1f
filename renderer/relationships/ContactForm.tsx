import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTACT_CHANNELS, type Contact, type ContactChannel, type Stakeholder } from '@shared/model'
import { useWorkspaceStore } from '../state/workspace-store'
import { useDealStore } from '../state/deal-store'
import { defaultContactSeller, sellersForContact } from './contact-seller'
import { today } from '../state/today'
import { DateField, dateProblem } from '../ui/DateField'

const NO_TEAM: never[] = []

/** The form that adds one contact; refuses a future date and a missing seller at the field. */
export function ContactForm({ stakeholder, onSave, onCancel }: { stakeholder: Stakeholder; onSave(c: Contact): void; onCancel(): void }) {
  const { t } = useTranslation('relationships')
  const roster = useWorkspaceStore((s) => s.roster)
  const date0 = today()
  const team = useDealStore((s) => s.deal?.team) ?? NO_TEAM
  const sellers = roster.filter((r) => !r.archived)
  const defaultSeller = defaultContactSeller(stakeholder, team, sellers)
  const grouped = sellersForContact(sellers, team)
  const [date, setDate] = useState(date0)
  const [sellerId, setSellerId] = useState(defaultSeller)
  const [channel, setChannel] = useState<ContactChannel>('meeting')
  const [note, setNote] = useState('')
  const [dateValid, setDateValid] = useState(true)
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => first.current?.focus(), [])
  const dateOk = dateValid && dateProblem(date, { max: date0 }) === undefined
  const sellerOk = sellers.some((s) => s.id === sellerId)
  const submit = () => {
    if (dateOk && sellerOk) onSave({ date, sellerId, channel, note: note.trim() })
  }
  return (
    // Not a <form>: it sits inside the inspector's form, and forms must not nest.
    <div className="contact-form" role="group" data-testid="contact-form" aria-label={t('contacts.logFor', { name: stakeholder.name })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') { e.stopPropagation(); onCancel() }
        if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) { e.preventDefault(); submit() }
      }}>
      <div className="field">
        <label>
          {t('contacts.channel')}
          <select ref={first} value={channel} data-testid="contact-channel" onChange={(e) => setChannel(e.target.value as ContactChannel)}>
            {CONTACT_CHANNELS.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
          </select>
        </label>
      </div>
      <DateField label={t('contacts.date')} value={date} max={date0} testId="contact-date"
        futureMessage={t('error.futureContact')} badMessage={t('error.badDate')} onCommit={setDate} onValidity={setDateValid} />
      <div className="field">
        <label>
          {t('contacts.seller')}
          <select value={sellerId} data-testid="contact-seller" aria-invalid={!sellerOk} onChange={(e) => setSellerId(e.target.value)}>
            {!sellerOk && <option value="">{t('chooseSeller')}</option>}
            {grouped.team.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            {grouped.others.length > 0 && (
              <optgroup label={t('contacts.notOnTeam')}>
                {grouped.others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        {!sellerOk && <span className="field-error" role="alert">{t(sellers.length ? 'error.noSeller' : 'error.noRoster')}</span>}
      </div>
      <div className="field">
        <label>
          {t('contacts.note')}
          <textarea rows={2} maxLength={10_000} value={note} data-testid="contact-note" onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <div className="inspector-buttons">
        <button type="button" className="primary" disabled={!dateOk || !sellerOk} data-testid="contact-save" onClick={submit}>{t('contacts.save')}</button>
        <button type="button" onClick={onCancel}>{t('contacts.cancel')}</button>
      </div>
    </div>
  )
}
