import { useTranslation } from 'react-i18next'
import { Modal } from '../ui/Modal'

export type EndSharing = 'leave' | 'unshare'

/**
 * Asks before the deal leaves this laptop ("leave") or stops following the team ("unshare"),
 * in the app's own dialog and words (not the browser's confirm box, which shows the page's
 * address and the system's language). Cancel is the default: Esc and the first button.
 */
export function EndSharingDialog({ how, dealName, onConfirm, onCancel }: { how: EndSharing; dealName: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('collab')
  return (
    <Modal label={t(`menu.${how}Title`)} onClose={onCancel} testId="collab-end-dialog">
      <h2>{t(`menu.${how}Title`)}</h2>
      <p data-testid="collab-end-text">{t(how === 'leave' ? 'menu.leaveConfirm' : 'menu.unshareConfirm', { name: dealName })}</p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={onCancel} data-testid="collab-end-cancel">{t('common:cancel')}</button>
        <button type="button" className={how === 'leave' ? 'danger' : 'primary'} onClick={onConfirm} data-testid="collab-end-confirm">{t(`menu.${how}Action`)}</button>
      </div>
    </Modal>
  )
}
