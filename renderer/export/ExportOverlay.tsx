import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportDialog } from './ExportDialog'
import { useExportStore } from './export-store'
import './export.css'

/** The export dialog and the notice of image exports run from the menu or palette. */
export function ExportOverlay() {
  const { t } = useTranslation('common')
  const notice = useExportStore((s) => s.notice)
  useEffect(() => {
    if (!notice || notice.tone === 'error') return
    const timer = setTimeout(() => {
      if (useExportStore.getState().notice?.seq === notice.seq) useExportStore.getState().dismissNotice()
    }, 6000)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <>
      <ExportDialog />
      {notice && (
        <div className={`export-notice ${notice.tone === 'error' ? 'notice-error' : ''}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="export-notice">
          <span>{notice.text}</span>
          <button type="button" className="ghost" aria-label={t('close')} onClick={() => useExportStore.getState().dismissNotice()}>×</button>
        </div>
      )}
    </>
  )
}
