import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { messageOf } from '../api'
import { Modal } from '../ui/Modal'
import './conflict.css'
import { useDealStore } from '../state/deal-store'

type Choice = 'keep-mine' | 'take-theirs' | 'keep-both'

/**
 * Shown when a save found the deal's file changed by another program. Nothing was
 * overwritten; the user decides which version wins. It cannot be dismissed without a choice:
 * until then the edits stay in memory and unsaved.
 */
export function OutsideEditDialog() {
  const { t } = useTranslation('conflict')
  const conflict = useDealStore((s) => s.conflict)
  const name = useDealStore((s) => s.deal?.name ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  if (!conflict) return null
  const copyName = t('copyName', { name })
  const choose = async (choice: Choice) => {
    setBusy(true)
    setError(undefined)
    try {
      await useDealStore.getState().resolveConflict(choice, copyName)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const theirs = conflict.theirs
  return (
    <Modal label={t('title')} onClose={() => undefined} className="outside-edit-dialog" testId="outside-edit-dialog">
      <h2>{t('title')}</h2>
      <p>{t('help', { name })}</p>
      {/* The file name is for someone recovering by hand; the sentence above is for everyone. */}
      <p className="muted outside-edit-file" data-testid="outside-edit-file">{t('keptAs', { file: conflict.copyFile })}</p>
      <p data-testid="outside-edit-theirs" data-valid={theirs.valid}>
        {theirs.valid ? t('theirsValid', { name: theirs.name }) : t('theirsInvalid', { problem: t(`problems.${theirs.problem}`, { defaultValue: theirs.problem }) })}
      </p>
      <ul className="outside-edit-choices">
        {/* The separator is translated: Chinese uses a full-width colon. */}
        <li><strong>{t('keepBoth')}</strong>{t('choiceSeparator')}{t('keepBothHelp', { copy: copyName })}</li>
        <li><strong>{t('takeTheirs')}</strong>{t('choiceSeparator')}{t('takeTheirsHelp')}</li>
        <li><strong>{t('keepMine')}</strong>{t('choiceSeparator')}{t('keepMineHelp')}</li>
      </ul>
      {busy && <p role="status">{t('working')}</p>}
      {error && <p className="notice notice-error" role="alert" data-testid="outside-edit-error">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" disabled={busy} data-testid="outside-edit-keep-both" onClick={() => void choose('keep-both')}>{t('keepBoth')}</button>
        <button type="button" disabled={busy} data-testid="outside-edit-take-theirs" onClick={() => void choose('take-theirs')}>{t('takeTheirs')}</button>
        <button type="button" className="primary" disabled={busy} data-testid="outside-edit-keep-mine" onClick={() => void choose('keep-mine')}>{t('keepMine')}</button>
      </div>
    </Modal>
  )
}
