import { buildDeckWithReport, type DeckInput, type SkippedSlide } from '@shared/deck'

/** The stages the deck build reports; `packing` is pptxgenjs zipping and compressing the deck. */
export type BuildStage = 'building' | 'packing'

/** Page → worker: build this deck. */
export interface DeckJobRequest {
  input: DeckInput
}

/** Worker → page: a stage began, the deck is done (its bytes transferred, not copied), or it failed. */
export type DeckJobMessage =
  | { kind: 'stage'; stage: BuildStage }
  | { kind: 'done'; bytes: ArrayBuffer; skipped: SkippedSlide[] }
  | { kind: 'failed'; message: string }

/**
 * Build one deck and say how it went through `post`, the same way in the worker and on the
 * main thread. The bytes go out as a whole ArrayBuffer so the worker can transfer it.
 */
export async function runDeckJob(request: DeckJobRequest, post: (message: DeckJobMessage, transfer?: Transferable[]) => void): Promise<void> {
  try {
    post({ kind: 'stage', stage: 'building' })
    const { bytes: data, skipped } = await buildDeckWithReport(request.input, { onPacking: () => post({ kind: 'stage', stage: 'packing' }) })
    const bytes = wholeBuffer(data)
    post({ kind: 'done', bytes, skipped }, [bytes])
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}

/** JSZip hands back a view over exactly its own buffer; copy only if that ever changes. */
function wholeBuffer(data: Uint8Array): ArrayBuffer {
  if (data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return data.buffer
  return data.slice().buffer as ArrayBuffer
}
