import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { autoMapColumns, CRM_FIELDS, mappingHasName, parseCrmCsv, type CrmField, type CrmMapping } from '@shared/import'
import { formatNumber } from '../i18n/format'
import { useDealStore } from '../state/deal-store'
import { useImportStore } from './import-store'
import { Modal } from './Modal'
import { CsvPreview } from './CsvPreview'
import { useCsvPlan } from './use-csv-plan'

/**
 * CRM contacts → stakeholders in three steps: map columns, preview (bad rows and why), then
 * one command adds everyone and their reports-to lines (one undo step, nothing half-done).
 */
export function CsvImportDialog({ fileName, text }: { fileName: string; text: string }) {
  const { t } = useTranslation('import')
  const deal = useDealStore((s) => s.deal)
  const csv = useMemo(() => parseCrmCsv(text), [text])
  const [mapping, setMapping] = useState<CrmMapping>(() => (csv.ok ? autoMapColumns(csv.headers) : {}))
  const [step, setStep] = useState<'map' | 'preview'>('map')
  const [refusal, setRefusal] = useState<string>()
  const close = () => useImportStore.getState().close()
  const planning = useCsvPlan(csv.ok ? csv.rows : null, mapping, deal, step === 'preview')
  const plan = planning.status === 'planned' ? planning.plan : null

  if (!csv.ok || !deal) {
    return (
      <Modal label={t('csv.title')} onClose={close} className="import-dialog" testId="csv-import-dialog">
        <h2>{t('csv.title')}</h2>
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
    const result = useDealStore.getState().dispatch({ type: 'add-stakeholders', stakeholders: plan.stakeholders, links: plan.links })
    if (!result.ok) {
      setRefusal(result.error.message)
      return
    }
    useDealStore.getState().focus(plan.stakeholders.map((s) => s.id))
    close()
  }
  const sample = csv.rows[0]?.cells ?? []

  return (
    <Modal label={t('csv.title')} onClose={close} className="import-dialog csv-import" testId="csv-import-dialog">
      <h2>{t('csv.title')}</h2>
      <p className="muted">{t('csv.fileInfo', { name: fileName, count: csv.rows.length })}</p>
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
