import { useTranslation } from 'react-i18next'
import { CsvImportDialog } from './CsvImportDialog'
import { DealImportDialog } from './DealImportDialog'
import { useImportStore } from './import-store'
import { Modal } from './Modal'

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
  if (error) {
    const close = () => useImportStore.getState().close()
    return (
      <Modal label={t('failed')} onClose={close} className="import-dialog" testId="import-error">
        <h2>{t('failed')}</h2>
        {error.fileName && <p className="muted">{error.fileName}</p>}
        <p role="alert">{CODED_MESSAGES[error.message] ? t(CODED_MESSAGES[error.message]) : error.message}</p>
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
  if (dialog?.kind === 'csv') return <CsvImportDialog key={dialog.text.length} fileName={dialog.fileName} text={dialog.text} />
  return null
}
