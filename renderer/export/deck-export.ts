import type { DeckAccount, SkippedSlide, SlideId } from '@shared/deck'
import type { Deal, Language, Seller, Settings } from '@shared/model'
import type { DealSummary } from '@shared/ipc'
import { api } from '../api'
import { analysisOf } from '../state/use-deal-analysis'
import { changesSinceLastSnapshot } from '../snapshots'
import { buildDeckOffMainThread, type BuildMode } from './deck-builder'
import type { BuildStage } from './deck-job'
import { templateRefusal } from './template-words'
import { useHistoryStore } from '../state/history-store'

export type DeckStage = 'analysing' | BuildStage | 'template' | 'saving'

export type ExportOutcome =
  | { kind: 'saved'; path: string; skipped?: SkippedSlide[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string }

export interface DeckRequest {
  deal: Deal
  roster: readonly Seller[]
  deals: readonly DealSummary[]
  settings: Settings
  language: Language
  today: string
  slides: readonly SlideId[]
  fileName: string
  /** The workspace's company template, by name, when the deck goes into it. */
  template?: string
}

/** The deal's account for the "Account overview" slide; none when main cannot say (the slide is then left out). */
async function accountOf(customer: string): Promise<DeckAccount | undefined> {
  const answer = await api.accountOverview(customer).catch(() => null)
  if (!answer?.ok) return undefined
  const { customer: name, people, coverage, departments, deals, whoKnowsWhom, accountOnly } = answer.value.overview
  return { customer: name, people, coverage, departments, deals, whoKnowsWhom, accountOnly }
}

/** Give the page a frame to paint the new stage before the next long synchronous step. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 16))

/**
 * Analyse, build and save the deck, reporting each stage and where the deck was built. The
 * deck is built from the deal as shown (the live, possibly not yet saved version). The
 * analysis stays here: it is the memoised one the panels already show (a cache hit), and the
 * snapshot comparison needs IPC. Never throws: the outcome says what happened.
 */
export async function exportDeck(request: DeckRequest, onStage: (stage: DeckStage) => void, onBuilt?: (mode: BuildMode) => void): Promise<ExportOutcome> {
  try {
    onStage('analysing')
    await nextPaint()
    const { deal, roster, language } = request
    // The same inputs as the panels (the history feeds the team builder's ranking), so a cache hit.
    const analysis = analysisOf(deal, { ...request, history: useHistoryStore.getState().deals })
    const changes = request.slides.includes('changes') ? (await changesSinceLastSnapshot(deal, request, language))?.changes : undefined

    const account = request.slides.includes('account') && deal.customer.trim() !== '' ? await accountOf(deal.customer) : undefined
    const input = { deal, roster, analysis, language, today: request.today, slides: request.slides, ...(changes ? { changes } : {}), ...(account ? { account } : {}) }
    const built = await buildDeckOffMainThread(input, onStage)
    onBuilt?.(built.mode)

    let bytes = built.bytes
    if (request.template !== undefined) {
      onStage('template')
      // Main reads the template file (the page never holds a path) and puts the slides into it.
      const themed = await api.applyDeckTemplate(bytes)
      if (!themed.ok) return { kind: 'failed', code: 'template', message: templateRefusal(themed.error, request.template) }
      bytes = themed.value
    }

    onStage('saving')
    const saved = await saveBytes(request.fileName, 'pptx', bytes)
    return saved.kind === 'saved' && built.skipped.length ? { ...saved, skipped: built.skipped } : saved
  } catch (error) {
    console.error('Deck export failed', error)
    return { kind: 'failed', code: 'internal', message: error instanceof Error ? error.message : String(error) }
  }
}

/** Hand bytes to main's save dialog; cancelling is an outcome, not an error. */
export async function saveBytes(suggestedName: string, kind: 'pptx' | 'png' | 'svg', data: Uint8Array<ArrayBuffer>): Promise<ExportOutcome> {
  const result = await api.saveFile({ suggestedName, kind, data })
  if (result.ok) return { kind: 'saved', path: result.value.path }
  if (result.error.code === 'cancelled') return { kind: 'cancelled' }
  return { kind: 'failed', code: result.error.code, message: result.error.message }
}
