import { useTranslation } from 'react-i18next'
import { LIMITS } from '@shared/model'
import { CsvImportDialog } from './CsvImportDialog'
import { DealImportDialog } from './DealImportDialog'
import { useImportStore } from './import-store'
import { Modal } from '../ui/Modal'
import './import.css'

const REFUSALS = ['too-large', 'empty', 'wrong-kind'] as const

/** Refusals that arrive as a code, to be said in the user's language. */
const CODED_MESSAGES: Record<string, string> = {
  'csv-needs-deal': 'csv.needsDeal',
  'csv-binary': 'csv.notText',
  'csv-unsupported': 'csv.encodingUnsupported',
}

/** Whichever import step is open, or the reason a file was refused. */
export function ImportDialogs() {
  const { t } = useTranslation('import')
  const dialog = useImportStore((s) => s.dialog)
  const error = useImportStore((s) => s.error)
  const refusalText = (reason: string | undefined): string | undefined =>
    reason && (REFUSALS as readonly string[]).includes(reason) ? t(`refused.${reason}`, { mb: LIMITS.fileBytes / 1024 / 1024 }) : undefined
  if (error) {
    const close = () => useImportStore.getState().close()
    // The page's own refusals carry the code as the message; main's carry it as the reason.
    const codedKey = CODED_MESSAGES[error.message] ?? CODED_MESSAGES[error.reason ?? '']
    return (
      <Modal label={t('failed')} onClose={close} className="import-dialog" testId="import-error">
        <h2>{t('failed')}</h2>
        {error.fileName && <p className="muted">{error.fileName}</p>}
        <p role="alert">{codedKey ? t(codedKey) : refusalText(error.reason) ?? error.message}</p>
        {error.issues && error.issues.length > 0 && (
          <ul className="import-issues">
            {error.issues.slice(0, 20).map((i, n) => <li key={n}><code>{i.path}</code> {i.message}</li>)}
          </ul>
        )}
        <div className="dialog-buttons"><button type="button" onClick={close}>{t('close')}</button></div>
      </Modal>
    )
  }
  if (dialog?.kind === 'deal') return <DealImportDialog key={dialog.text.length} fileName={dialog.fileName} text={dialog.text} preview={dialog.preview} />
  if (dialog?.kind === 'csv') return <CsvImportDialog key={dialog.text.length} fileName={dialog.fileName} text={dialog.text} pasted={dialog.pasted} />
  return null
}
