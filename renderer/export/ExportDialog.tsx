import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
// The slide list alone, not the deck builder's module graph (docs/performance.md, "Open").
import { SLIDE_IDS, type SlideId } from '@shared/deck/types'
import { normaliseCustomer } from '@shared/accounts'
import type { Language } from '@shared/model'
import { api } from '../api'
import { Modal } from '../ui/Modal'
import { SUPPORTED_LANGUAGES } from '../i18n'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'
import { useWorkspaceStore } from '../state/workspace-store'
import type { BuildMode } from './deck-builder'
import { exportDeck, type DeckStage, type ExportOutcome } from './deck-export'
import { useExportStore } from './export-store'
import { deckFileName, normalizeDeckFileName } from './file-names'
import { MapImageButtons } from './MapImageButtons'
import { TemplatePicker } from './TemplatePicker'
import './export.css'

type Phase = { kind: 'idle' } | { kind: 'working'; stage: DeckStage } | { kind: 'done'; outcome: ExportOutcome }

/** The open deal's last snapshot, if any (it offers the "changes since last review" slide). */
function useLastSnapshotName(dealId: string): string | null {
  const [name, setName] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void api.listSnapshots(dealId).then((result) => {
      if (!live || !result.ok || result.value.length === 0) return
      setName([...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0].name)
    })
    return () => { live = false }
  }, [dealId])
  return name
}

/** File → Export Slides…: which slides, the deck's language and file name; progress; where it went. */
export function ExportDialog() {
  const open = useExportStore((s) => s.dialogOpen)
  const deal = useDealStore((s) => s.deal)
  if (!open || !deal) return null
  return <ExportDialogBody key={deal.id} dealId={deal.id} dealName={deal.name} />
}

function ExportDialogBody({ dealId, dealName }: { dealId: string; dealName: string }) {
  const { t, i18n } = useTranslation('export')
  const snapshotName = useLastSnapshotName(dealId)
  const [unchecked, setUnchecked] = useState<ReadonlySet<SlideId>>(new Set())
  const [language, setLanguage] = useState<Language>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en')
  const [fileName, setFileName] = useState(() => deckFileName(dealName, today()))
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' })
  // Where the last deck was built (worker or main-thread fallback): shown to tests, not to people.
  const [buildMode, setBuildMode] = useState<BuildMode | null>(null)
  const working = phase.kind === 'working'

  // The account slide is offered when the deal's customer has another deal (docs/method.md, "Accounts").
  const customerKey = normaliseCustomer(useDealStore.getState().deal?.customer ?? '')
  const accountDeals = useWorkspaceStore((s) => (customerKey === '' ? 0 : s.deals.filter((d) => normaliseCustomer(d.customer) === customerKey).length))
  const offered = SLIDE_IDS.filter((id) => (id !== 'changes' || snapshotName !== null) && (id !== 'account' || accountDeals >= 2))
  const chosen = offered.filter((id) => !unchecked.has(id))
  const toggle = (id: SlideId, on: boolean) => setUnchecked((prev) => {
    const next = new Set(prev)
    if (on) next.delete(id)
    else next.add(id)
    return next
  })
  const close = () => {
    if (!working) useExportStore.getState().closeDialog()
  }

  const run = async () => {
    const deal = useDealStore.getState().deal
    if (!deal) return
    const { roster, deals, settings, deckTemplate } = useWorkspaceStore.getState()
    const name = normalizeDeckFileName(fileName, deckFileName(deal.name, today()))
    const outcome = await exportDeck(
      { deal, roster, deals, settings, language, today: today(), slides: chosen, fileName: name, ...(deckTemplate ? { template: deckTemplate.name } : {}) },
      (stage) => setPhase({ kind: 'working', stage }),
      setBuildMode,
    )
    // Cancelling the save dialog leaves the export dialog as it was.
    setPhase(outcome.kind === 'cancelled' ? { kind: 'idle' } : { kind: 'done', outcome })
  }

  const saved = phase.kind === 'done' && phase.outcome.kind === 'saved' ? phase.outcome.path : null
  const failure = phase.kind === 'done' && phase.outcome.kind === 'failed' ? phase.outcome : null
  const skipped = phase.kind === 'done' && phase.outcome.kind === 'saved' ? phase.outcome.skipped ?? [] : []
  return (
    <Modal label={t('title')} onClose={close} className="export-dialog" testId="export-dialog">
      <h2>{t('title')}</h2>
      <form onSubmit={(e) => { e.preventDefault(); void run() }} data-build-mode={buildMode ?? undefined}>
        <fieldset className="export-slides" disabled={working}>
          <legend>{t('slides.legend')}</legend>
          {offered.map((id) => (
            <label key={id} className="export-slide">
              <input type="checkbox" data-testid={`export-slide-${id}`} checked={!unchecked.has(id)} onChange={(e) => toggle(id, e.target.checked)} />
              <span>{t(`slides.${id}`)}</span>
              {id === 'changes' && snapshotName && <span className="muted"> {t('slides.changesSince', { name: snapshotName })}</span>}
            </label>
          ))}
        </fieldset>
        <div className="export-fields">
          <label>
            <span>{t('language')}</span>
            <select value={language} disabled={working} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="export-language">
              {SUPPORTED_LANGUAGES.map((lng) => <option key={lng} value={lng}>{t(`languages.${lng}`)}</option>)}
            </select>
          </label>
          <label>
            <span>{t('fileName')}</span>
            <input type="text" value={fileName} disabled={working} onChange={(e) => setFileName(e.target.value)} data-testid="export-file-name" spellCheck={false} />
          </label>
        </div>
        <TemplatePicker disabled={working} />
        {working && (
          <div className="export-progress" role="status" data-testid="export-progress">
            <progress aria-label={t('progressLabel')} />
            <span>{t(`stage.${phase.stage}`)}</span>
          </div>
        )}
        {saved && <p className="notice export-saved" role="status" data-testid="export-saved">{t('saved', { path: saved })}</p>}
        {skipped.length > 0 && (
          // Said in the app's language (the deck's may differ): the reason's catalog key, not its deck text.
          <div className="notice export-skipped" data-testid="export-skipped">
            <p>{t('skipped')}</p>
            <ul>
              {skipped.map((s) => <li key={s.slide}>{t('skippedItem', { slide: t(`slides.${s.slide}`), reason: t(s.reasonKey, s.params) })}</li>)}
            </ul>
          </div>
        )}
        {failure && (
          <p className="notice notice-error" role="alert" data-testid="export-error">
            {failure.code === 'template' ? failure.message : t(failure.code === 'io' ? 'saveFailed' : 'exportFailed', { message: failure.message })}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close} disabled={working}>{t(saved ? 'common:close' : 'common:cancel')}</button>
          <button type="submit" className="primary" disabled={working || chosen.length === 0} data-testid="export-run">{t('run')}</button>
        </div>
      </form>
      <MapImageButtons disabled={working} />
    </Modal>
  )
}
