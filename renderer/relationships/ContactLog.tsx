import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact, Stakeholder } from '@shared/model'
import { formatDate } from '../i18n/format'
import { useWorkspaceStore } from '../state/workspace-store'
import { ContactForm } from './ContactForm'
import { useContactRequest } from './contact-request'
import { depthSuggestedBy } from '@shared/method'
import { edit } from './relationship-edits'

const SHOWN = 12

/** One stakeholder's contact log, newest first, with the form to add to it. */
export function ContactLog({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation('relationships')
  const roster = useWorkspaceStore((s) => s.roster)
  const request = useContactRequest((s) => s.request)
  const [open, setOpen] = useState(false)
  const [showAll, setShowAll] = useState(false)
  useEffect(() => {
    if (request?.stakeholderId === stakeholder.id) {
      setOpen(true)
      useContactRequest.getState().clear()
    }
  }, [request, stakeholder.id])
  const nameOf = (id: string) => roster.find((r) => r.id === id)?.name ?? t('unknownSeller')
  const entries = stakeholder.contacts.map((c, index) => ({ c, index })).sort((a, b) => (a.c.date < b.c.date ? 1 : a.c.date > b.c.date ? -1 : 0))
  const save = (c: Contact) => {
    if (edit({ type: 'log-contact', stakeholderId: stakeholder.id, contact: c }).ok) setOpen(false)
  }
  return (
    <section className="inspector-section contact-log" data-testid="contact-log">
      <div className="section-head">
        <h3>{t('contacts.title')}</h3>
        {!open && <button type="button" data-testid="log-contact" onClick={() => setOpen(true)}>{t('contacts.log')}</button>}
      </div>
      {open && <ContactForm stakeholder={stakeholder} onSave={save} onCancel={() => setOpen(false)} />}
      {entries.length === 0 && <p className="muted">{t('contacts.empty')}</p>}
      <ul className="contact-list">
        {(showAll ? entries : entries.slice(0, SHOWN)).map(({ c, index }) => (
          <li key={`${c.date}-${c.sellerId}-${index}`} className="contact-entry" data-testid="contact-entry">
            <div className="contact-line">
              <span className="contact-date">{formatDate(c.date)}</span>
              <span className="contact-channel">{t(`channel.${c.channel}`)}</span>
              <span className="contact-seller">{nameOf(c.sellerId)}</span>
              <button type="button" className="icon-button" aria-label={t('contacts.remove')} title={t('contacts.remove')}
                onClick={() => edit({ type: 'remove-contact', stakeholderId: stakeholder.id, contact: c })}>×</button>
            </div>
            {c.note && <div className="contact-note">{c.note}</div>}
            <DepthSuggestion stakeholder={stakeholder} contact={c} sellerName={nameOf(c.sellerId)} />
          </li>
        ))}
      </ul>
      {entries.length > SHOWN && !showAll && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>+{entries.length - SHOWN}</button>
      )}
    </section>
  )
}

/** Asking us for advice shows trust: offer to raise depth to 3 (business) or 4 (personal). */
function DepthSuggestion({ stakeholder, contact, sellerName }: { stakeholder: Stakeholder; contact: Contact; sellerName: string }) {
  const { t } = useTranslation('relationships')
  const depth = depthSuggestedBy(stakeholder, contact)
  if (depth === undefined) return null
  return (
    <div className="depth-suggestion" data-testid="depth-suggestion">
      <span>{t('contacts.raiseDepthHint', { name: stakeholder.name, seller: sellerName, depth })}</span>
      <button type="button" className="primary small" data-testid="raise-depth"
        onClick={() => edit({ type: 'raise-depth', stakeholderId: stakeholder.id, sellerId: contact.sellerId, depth })}>
        {t('contacts.raiseDepth', { depth })}
      </button>
    </div>
  )
}
