import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { normaliseWords, personsNotOnDeal, type AccountPerson } from '@shared/accounts'
import { api } from '../api'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { Modal } from '../ui/Modal'
import { useAccountStore } from './account-store'
import { addPersonFromAccount } from './add-from-account'

/** The seller who knows this person best, for the list ("Anna Kowalski: 74"). */
function bestRelationship(person: AccountPerson): { sellerId: string; depth: number } | null {
  let best: { sellerId: string; depth: number } | null = null
  for (const r of person.relationships) if (!best || r.elements.depth > best.depth) best = { sellerId: r.sellerId, depth: r.elements.depth }
  return best
}

/** "Add from account…": pick a person known from another deal of this customer. */
export function AddFromAccountDialog() {
  const { t } = useTranslation('accounts')
  const open = useAccountStore((s) => s.addOpen)
  // The deal only while the dialog is open: closed, an edit (a colleague's above all) does not redraw it.
  const deal = useDealStore((s) => (open ? s.deal : null))
  const roster = useWorkspaceStore((s) => s.roster)
  const [persons, setPersons] = useState<AccountPerson[] | null>(null)
  const [customer, setCustomer] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const dealId = deal?.id
  useEffect(() => {
    if (!open || !dealId) return
    setPersons(null)
    setQuery('')
    // Fresh from main: people added to other deals since this one opened are offered too.
    void api.accountForDeal(dealId).then((r) => {
      setPersons(r.ok && r.value ? r.value.persons : [])
      setCustomer(r.ok && r.value ? r.value.customer : null)
    })
  }, [open, dealId])
  const offered = useMemo(() => {
    if (!persons || !deal) return []
    const q = normaliseWords(query)
    return personsNotOnDeal(persons, deal)
      .filter((p) => q === '' || normaliseWords(`${p.name} ${p.title} ${p.department}`).includes(q))
      .sort((a, b) => a.name.localeCompare(b.name))
  }, [persons, deal, query])
  if (!open || !deal) return null
  const close = () => useAccountStore.getState().setAddOpen(false)
  const sellerName = (id: string) => roster.find((s) => s.id === id)?.name ?? id
  return (
    <Modal label={t('add.title')} onClose={close} className="add-from-account" testId="add-from-account">
      <h2>{t('add.title')}</h2>
      {customer === null && persons !== null ? (
        <p className="muted">{t('add.noDeal')}</p>
      ) : (
        <>
          <p className="muted">{t('add.help', { customer: customer ?? deal.customer })}</p>
          <input type="search" autoFocus aria-label={t('add.search')} placeholder={t('add.search')} value={query} onChange={(e) => setQuery(e.target.value)} data-testid="add-from-account-search" />
          {persons === null ? <p role="status">{t('loading')}</p> : offered.length === 0 ? <p className="muted">{t('add.none', { customer: customer ?? deal.customer })}</p> : (
            <ul className="account-people" data-testid="account-people">
              {offered.slice(0, 200).map((p) => {
                const best = bestRelationship(p)
                return (
                  <li key={p.id}>
                    <button type="button" data-testid="account-person" onClick={() => { if (addPersonFromAccount(p, persons ?? [])) close() }}>
                      <span className="account-person-name">{p.name}</span>
                      <span className="muted">{[p.title, p.department].filter(Boolean).join(' · ')}</span>
                      {best && <span className="account-person-knows">{sellerName(best.sellerId)}</span>}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
      <div className="modal-buttons">
        <button type="button" onClick={close}>{t('close')}</button>
      </div>
    </Modal>
  )
}
