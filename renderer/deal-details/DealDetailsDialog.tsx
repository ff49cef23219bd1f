import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changedFacts, factsOf } from '@shared/deal-facts'
import { DealFactsError } from '@shared/commands'
import type { Deal } from '@shared/model'
import { Modal } from '../ui/Modal'
import { useDealStore } from '../state/deal-store'
import { useDealDetailsStore } from './deal-details-store'
import { DealFactsFields } from './DealFactsFields'
import { draftOf, factsFromDraft } from './facts-draft'

/** The deal's own facts, edited together and saved as one undo step. */
export function DealDetailsDialog() {
  const open = useDealDetailsStore((s) => s.open)
  const deal = useDealStore((s) => s.deal)
  if (!open || !deal) return null
  return <DealDetailsForm key={deal.id} deal={deal} />
}

function DealDetailsForm({ deal }: { deal: Deal }) {
  const { t } = useTranslation('dealDetails')
  // The facts as the form opened: Save sends what the user changed since, so a version of the
  // deal that lands meanwhile (theirs taken, a restore, an undo) keeps every field not touched here.
  const [opened] = useState(() => factsOf(deal))
  const [draft, setDraft] = useState(() => draftOf(opened))
  const [tried, setTried] = useState(false)
  const [refusal, setRefusal] = useState<string>()
  const { facts, issues } = factsFromDraft(draft)
  const close = () => useDealDetailsStore.getState().setOpen(false)
  // A field's message shows once it was changed (or Save was pressed), not while the form is fresh.
  const original = draftOf(opened)
  const shown = tried ? issues : issues.filter((i) => {
    const key = i.field === 'amount' ? ['amount', 'currency'] as const : [i.field] as const
    return key.some((k) => JSON.stringify(draft[k as keyof typeof draft]) !== JSON.stringify(original[k as keyof typeof original])) || (i.field === 'closeDate' && draft.closeDateUnreadable)
  })
  const save = () => {
    setTried(true)
    if (issues.length) return
    const patch = changedFacts(opened, facts)
    if (Object.keys(patch).length === 0) return close()
    const result = useDealStore.getState().dispatch({ type: 'set-deal-facts', patch })
    if (!result.ok) {
      setRefusal(result.error instanceof DealFactsError ? t(`issue.${result.error.issues[0].code}`, { ...result.error.issues[0].params }) : result.error.message)
      return
    }
    close()
  }
  return (
    <Modal label={t('title')} onClose={close} className="deal-details-dialog" testId="deal-details">
      <form onSubmit={(e) => { e.preventDefault(); save() }} noValidate>
        <h2>{t('title')}</h2>
        <DealFactsFields draft={draft} onChange={setDraft} issues={shown} autoFocusName />
        {refusal && <p role="alert" className="error">{refusal}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={close} data-testid="deal-details-cancel">{t('common:cancel')}</button>
          <button type="submit" className="primary" data-testid="deal-details-save" disabled={tried && issues.length > 0}>{t('common:save.action')}</button>
        </div>
      </form>
    </Modal>
  )
}
