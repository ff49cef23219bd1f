import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { autoMapColumns, CRM_FIELDS, mappingHasName, parseCrmCsv, readPastedTable, type CrmField, type CrmMapping, type ParsedCsv } from '@shared/import'
import { formatNumber } from '../i18n/format'
import { useDealStore } from '../state/deal-store'
import { useImportStore } from './import-store'
import { Modal } from '../ui/Modal'
import { CsvPreview } from './CsvPreview'
import { useCsvPlan } from './use-csv-plan'
import { placeUnderManagers } from '@shared/place-under-managers'

const BULK_PLACE_LIMIT = 500

/**
 * CRM contacts → stakeholders in three steps: map columns, preview (bad rows and why), then
 * one command adds everyone and their reports-to lines (one undo step, nothing half-done).
 */
export function CsvImportDialog({ fileName, text, pasted = false }: { fileName: string; text: string; pasted?: boolean }) {
  const { t } = useTranslation('import')
  const deal = useDealStore((s) => s.deal)
  // Pasted rows are read by the same parser (tab-separated), with the header row optional.
  const read = useMemo(() => (pasted ? readPastedTable(text) : null), [pasted, text])
  const csv = useMemo<ParsedCsv>(() => {
    if (!read) return parseCrmCsv(text)
    return read.ok ? { ok: true, headers: read.table.headers, rows: read.table.rows } : { ok: false, reason: read.refusal.reason === 'unreadable' ? 'unreadable' : 'empty', message: '' }
  }, [read, text])
  const [mapping, setMapping] = useState<CrmMapping>(() => (read?.ok ? read.table.mapping : csv.ok ? autoMapColumns(csv.headers) : {}))
  // A paste whose columns are known goes straight to the preview: Back still shows the columns.
  const [step, setStep] = useState<'map' | 'preview'>(() => (read?.ok && mappingHasName(read.table.mapping) ? 'preview' : 'map'))
  const title = pasted ? t('csv.pasteTitle') : t('csv.title')
  const [refusal, setRefusal] = useState<string>()
  const close = () => useImportStore.getState().close()
  const planning = useCsvPlan(csv.ok ? csv.rows : null, mapping, deal, step === 'preview')
  const plan = planning.status === 'planned' ? planning.plan : null

  if (!csv.ok || !deal) {
    return (
      <Modal label={title} onClose={close} className="import-dialog" testId="csv-import-dialog">
        <h2>{title}</h2>
        <p role="alert" className="error">{csv.ok ? t('csv.needsDeal') : t(`csv.${csv.reason}`)}</p>
        <div className="dialog-buttons"><button type="button" onClick={close}>{t('close')}</button></div>
      </Modal>
    )
  }

  const setField = (field: CrmField, value: string) => {
    const next = { ...mapping }
    if (value === '') delete next[field]
    else next[field] = Number(value)
    setMapping(next)
  }
  const commit = () => {
    if (!plan) return
    // Placed when added (not by a later move), so the add stays one undo step. A CRM dump of
    // thousands keeps the plan's grid: searching free spots card by card would stall the click.
    const current = useDealStore.getState().deal ?? deal
    const placed = plan.stakeholders.length <= BULK_PLACE_LIMIT ? placeUnderManagers(current, plan.stakeholders, plan.links) : plan.stakeholders
    const result = useDealStore.getState().dispatch({ type: 'add-stakeholders', stakeholders: placed, links: plan.links })
    if (!result.ok) {
      setRefusal(result.error.message)
      return
    }
    useDealStore.getState().focus(plan.stakeholders.map((s) => s.id))
    close()
  }
  const sample = csv.rows[0]?.cells ?? []

  return (
    <Modal label={title} onClose={close} className="import-dialog csv-import" testId="csv-import-dialog">
      <h2>{title}</h2>
      <p className="muted">{pasted ? t('csv.pasteInfo', { count: csv.rows.length }) : t('csv.fileInfo', { name: fileName, count: csv.rows.length })}</p>
      {read?.ok && !read.table.hasHeader && <p className="muted" data-testid="paste-no-header">{t('csv.pasteNoHeader')}</p>}
      {step === 'map' ? (
        <>
          <p>{t('csv.mapIntro')}</p>
          <table className="csv-mapping" data-testid="csv-mapping">
            <thead><tr><th>{t('csv.field')}</th><th>{t('csv.column')}</th><th>{t('csv.sample')}</th></tr></thead>
            <tbody>
              {CRM_FIELDS.map((field) => (
                <tr key={field}>
                  <td>{t(`csv.fields.${field}`)}</td>
                  <td>
                    <select aria-label={t(`csv.fields.${field}`)} value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
                      <option value="">{t('csv.notImported')}</option>
                      {csv.headers.map((h, i) => <option key={i} value={i}>{h || t('csv.unnamed', { n: i + 1 })}</option>)}
                    </select>
                  </td>
                  <td className="muted">{mapping[field] !== undefined ? sample[mapping[field]!] ?? '' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!mappingHasName(mapping) && <p role="alert" className="error">{t('csv.needName')}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={close}>{t('cancel')}</button>
            <button type="button" className="primary" disabled={!mappingHasName(mapping)} onClick={() => setStep('preview')}>{t('csv.next')}</button>
          </div>
        </>
      ) : planning.status === 'planning' ? (
        <>
          <p role="status" data-testid="csv-planning">
            {t('csv.planning', { done: formatNumber(planning.progress.done), total: formatNumber(planning.progress.total) })}
          </p>
          <progress max={planning.progress.total} value={planning.progress.done} aria-label={t('csv.planningLabel')} />
          <div className="dialog-buttons">
            <button type="button" onClick={() => setStep('map')}>{t('csv.back')}</button>
          </div>
        </>
      ) : planning.status === 'failed' ? (
        <>
          <p role="alert" className="error">{t('csv.planFailed', { message: planning.message })}</p>
          <div className="dialog-buttons"><button type="button" onClick={() => setStep('map')}>{t('csv.back')}</button></div>
        </>
      ) : plan && (
        <>
          <CsvPreview plan={plan} />
          {refusal && <p role="alert" className="error">{refusal}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={() => setStep('map')}>{t('csv.back')}</button>
            <button type="button" className="primary" disabled={plan.stakeholders.length === 0} onClick={commit}>
              {t('csv.commit', { count: plan.stakeholders.length })}
            </button>
          </div>
        </>
      )}
    </Modal>
  )
}
