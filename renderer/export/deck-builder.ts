import type { DeckInput, SkippedSlide } from '@shared/deck'
import { runWorkerJob } from '../worker-job'
// Types only: the deck builder (pptxgenjs, JSZip: ~450 KB) is loaded when a deck is built, never
// with the page's first chunk (docs/performance.md, "Open").
import type { BuildStage, DeckJobMessage } from './deck-job'

/** Where the deck was built: in the deck worker, or on the page's main thread as a fallback. */
export type BuildMode = 'worker' | 'main-thread'

export interface BuiltDeck {
  bytes: Uint8Array<ArrayBuffer>
  mode: BuildMode
  /** Slides left out because they had nothing to say, and why. */
  skipped: SkippedSlide[]
}

interface Finished {
  bytes: ArrayBuffer
  skipped: SkippedSlide[]
}

/** Give the page a frame to paint the new stage before the next long synchronous step. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 16))

/**
 * Build the deck in a dedicated Web Worker so the window stays responsive (a 1,000-person deck
 * blocks a thread for 0.4–1.5 s). FALLBACK: when no worker can start — no `Worker` at all
 * (jsdom in the component tests), the constructor throws, or its script fails to load (an
 * error before its first message: blocked, missing, module workers unsupported) — the deck is
 * built on the main thread as before: slower to respond, same file. A failure inside the
 * build is not retried: it would fail the same way on the main thread.
 */
export async function buildDeckOffMainThread(input: DeckInput, onStage: (stage: BuildStage) => void): Promise<BuiltDeck> {
  const worker = startDeckWorker()
  if (worker) {
    const run = await runWorkerJob<DeckJobMessage, Finished>(worker, { input }, {
      what: 'the deck',
      onMessage: (message, done, fail) => settle(message, onStage, done, fail),
    })
    if (run.kind === 'finished') return { bytes: new Uint8Array(run.value.bytes), mode: 'worker', skipped: run.value.skipped }
  }
  onStage('building')
  const { runDeckJob } = await import('./deck-job')
  await nextPaint()
  const done = await new Promise<Finished>((resolve, reject) => {
    void runDeckJob({ input }, (message) => settle(message, onStage, resolve, reject))
  })
  return { bytes: new Uint8Array(done.bytes), mode: 'main-thread', skipped: done.skipped }
}

function startDeckWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Vite bundles the worker into out/renderer/assets/ and rewrites this URL relative to the page's chunk.
    return new Worker(new URL('./deck.worker.ts', import.meta.url), { type: 'module', name: 'deck-builder' })
  } catch (error) {
    console.warn('The deck worker could not start; building on the main thread', error)
    return null
  }
}

/** One message of the job, wherever it ran: a stage to show, the bytes, or the failure. */
function settle(message: DeckJobMessage, onStage: (stage: BuildStage) => void, resolve: (done: Finished) => void, reject: (error: Error) => void): void {
  if (message.kind === 'stage') onStage(message.stage)
  else if (message.kind === 'done') resolve({ bytes: message.bytes, skipped: message.skipped })
  else reject(new Error(message.message))
}
