import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '@shared/ipc'
import { Modal } from '../ui/Modal'
import { formatBackupTime, formatFileSize } from './format'
import { useRestoreStore } from './restore-store'
import './backups.css'

/** Pick one of the open deal's backups (newest first), confirm, restore; Undo brings the map back. */
export function RestoreBackupDialog() {
  const { t } = useTranslation('backups')
  const state = useRestoreStore()
  if (state.phase === 'closed') return null
  const chosen = state.backups.find((b) => b.id === state.chosenId)
  const close = () => {
    if (state.phase !== 'restoring') state.close()
  }
  return (
    <Modal label={t('title', { name: state.dealName })} onClose={close} className="restore-dialog" testId="restore-backup-dialog">
      <h2>{t('title', { name: state.dealName })}</h2>
      {state.phase === 'loading' && <p role="status">{t('loading')}</p>}
      {state.phase === 'choosing' && <BackupChoice backups={state.backups} chosenId={state.chosenId} />}
      {(state.phase === 'confirming' || state.phase === 'restoring') && chosen && (
        <p data-testid="restore-confirm-text">{t('confirm', { name: state.dealName, date: formatBackupTime(chosen.createdAt) })}</p>
      )}
      {state.phase === 'restored' && chosen && (
        <p role="status" data-testid="restore-done">{t('restored', { date: formatBackupTime(chosen.createdAt) })}</p>
      )}
      {state.error && <p className="notice notice-error" role="alert">{state.error}</p>}
      <div className="dialog-buttons">
        {state.phase === 'choosing' && (
          <>
            <button type="button" onClick={close}>{t('common:cancel')}</button>
            <button type="button" className="primary" disabled={!chosen} data-testid="restore-choose" onClick={() => state.askToConfirm()}>
              {t('restore')}
            </button>
          </>
        )}
        {(state.phase === 'confirming' || state.phase === 'restoring') && (
          <>
            <button type="button" disabled={state.phase === 'restoring'} onClick={() => state.back()}>{t('back')}</button>
            <button type="button" className="primary" disabled={state.phase === 'restoring'} data-testid="restore-confirm" onClick={() => void state.restore()}>
              {t('confirmButton')}
            </button>
          </>
        )}
        {state.phase === 'restored' && (
          <>
            <button type="button" data-testid="restore-undo" onClick={() => state.undoRestore()}>{t('undo')}</button>
            <button type="button" className="primary" onClick={close}>{t('common:close')}</button>
          </>
        )}
      </div>
    </Modal>
  )
}

function BackupChoice({ backups, chosenId }: { backups: BackupInfo[]; chosenId?: string }) {
  const { t } = useTranslation('backups')
  if (backups.length === 0) return <p data-testid="restore-empty">{t('empty')}</p>
  return (
    <>
      <p className="muted">{t('help')}</p>
      <table className="backup-list" data-testid="backup-list">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t('choose')}</span></th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('size')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.id} data-testid="backup-row" data-backup-id={b.id} data-valid={b.valid} className={b.valid ? '' : 'backup-damaged'}>
              <td>
                <input
                  type="radio"
                  name="backup"
                  id={`backup-${b.id}`}
                  checked={b.id === chosenId}
                  disabled={!b.valid}
                  onChange={() => useRestoreStore.getState().choose(b.id)}
                />
              </td>
              <td><label htmlFor={`backup-${b.id}`}>{formatBackupTime(b.createdAt)}</label></td>
              <td>{formatFileSize(b.bytes)}</td>
              <td>{b.valid ? t('valid') : t('damaged')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
