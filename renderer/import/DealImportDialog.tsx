import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '@shared/ipc'
import { confirmDealImport } from './deal-sharing'
import { useImportStore } from './import-store'
import { Modal } from '../ui/Modal'

/** What a deal file holds and how its sellers will join the roster, before anything is written. */
export function DealImportDialog({ fileName, text, preview }: { fileName: string; text: string; preview: ImportPreview }) {
  const { t } = useTranslation('import')
  const [asCopy, setAsCopy] = useState(preview.exists)
  const [busy, setBusy] = useState(false)
  const close = () => useImportStore.getState().close()
  const { deal } = preview
  return (
    <Modal label={t('deal.title')} onClose={close} className="import-dialog" testId="deal-import-dialog">
      <h2>{t('deal.title')}</h2>
      <p className="muted">{fileName}</p>
      <dl className="import-summary">
        <dt>{t('deal.name')}</dt>
        <dd data-testid="import-deal-name">{deal.name}</dd>
        {deal.customer && (<><dt>{t('deal.customer')}</dt><dd>{deal.customer}</dd></>)}
        <dt>{t('deal.contents')}</dt>
        <dd>{t('deal.counts', { people: deal.stakeholders, lines: deal.links, seats: deal.seats })}</dd>
      </dl>
      {preview.sellers.length > 0 && (
        <>
          <h3>{t('deal.sellers')}</h3>
          <ul className="import-sellers" data-testid="import-sellers">
            {preview.sellers.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span> <span className={`match match-${s.match}`}>{t(`deal.match.${s.match}`)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.exists && (
        <fieldset className="import-choice">
          <legend>{t('deal.exists')}</legend>
          <label>
            <input type="radio" name="import-mode" checked={asCopy} onChange={() => setAsCopy(true)} />{t('deal.asCopy')}
          </label>
          <label>
            <input type="radio" name="import-mode" checked={!asCopy} onChange={() => setAsCopy(false)} />{t('deal.replace')}
          </label>
        </fieldset>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>{t('cancel')}</button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            await confirmDealImport(text, asCopy, preview.exists ? preview.deal.id : undefined)
            setBusy(false)
          }}
        >
          {preview.exists && asCopy ? t('deal.importCopy') : t('deal.import')}
        </button>
      </div>
    </Modal>
  )
}
