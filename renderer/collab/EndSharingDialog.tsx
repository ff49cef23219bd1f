import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, messageOf, unwrap } from '../api'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { Modal } from '../ui/Modal'
import { adoptCollabState } from './use-collab-sync'

export type EndSharing = 'leave' | 'unshare'

/**
 * Confirm leaving a shared deal (it goes from this laptop) or unsharing it (it stays as a
 * private deal), in the app's own words and language. Cancel is the default: Esc or Enter on
 * the first button ends nothing. A refusal (the disk, the server) is said here, the deal kept.
 */
export function EndSharingDialog({ how, dealId, dealName, onClose }: { how: EndSharing; dealId: string; dealName: string; onClose(): void }) {
  const { t } = useTranslation('collab')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const confirm = async () => {
    setBusy(true)
    setError(undefined)
    try {
      if (how === 'leave') {
        unwrap(await api.leaveSharedDeal(dealId))
        onClose()
        await useDealStore.getState().close()
        await useWorkspaceStore.getState().load()
      } else {
        unwrap(await api.unshareDeal(dealId))
        adoptCollabState(dealId, null)
        onClose()
      }
    } catch (e) {
      setError(t('end.failed', { message: messageOf(e) }))
      setBusy(false)
    }
  }
  return (
    <Modal label={t(`end.${how}Title`)} onClose={onClose} className="end-sharing" testId="end-sharing-dialog">
      <h2>{t(`end.${how}Title`)}</h2>
      <p>{t(how === 'leave' ? 'menu.leaveConfirm' : 'menu.unshareConfirm', { name: dealName })}</p>
      {error && <p className="error" role="alert" data-testid="end-sharing-error">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={onClose} disabled={busy}>{t('end.cancel')}</button>
        <button type="button" className={how === 'leave' ? 'danger' : 'primary'} data-testid="end-sharing-confirm" onClick={() => void confirm()} disabled={busy}>
          {t(`end.${how}Confirm`)}
        </button>
      </div>
    </Modal>
  )
}
