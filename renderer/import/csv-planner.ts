import type { CrmImportPlan, PlanProgress } from '@shared/import'
import { runCsvPlanJob, type CsvPlanMessage, type CsvPlanRequest } from './csv-plan-job'

/**
 * Above this many rows the plan is made in a worker: a few thousand rows plan in well under
 * a frame budget's worth of waiting, more can take a second or longer on a slow laptop.
 */
export const WORKER_PLAN_ROWS = 2_000

/** Where the plan was made: in the worker, or on the page's main thread. */
export type PlanMode = 'worker' | 'main-thread'

type WorkerRun = { kind: 'planned'; plan: CrmImportPlan } | { kind: 'not-started' }

/** Give the page a frame to paint the progress before a long synchronous step. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 16))

/**
 * Plan a CRM import off the main thread when it is big. FALLBACK: when no worker can start
 * (no `Worker` at all, as in jsdom; the constructor throws; its script fails to load; the
 * input cannot be cloned) the plan is made on the main thread as before, after one painted
 * frame that shows the dialog's progress text. A failure inside planning is not retried: it
 * would fail the same way here. `signal` stops a worker whose plan is no longer wanted.
 */
export async function planOffMainThread(
  request: CsvPlanRequest,
  onProgress: (progress: PlanProgress) => void,
  signal?: AbortSignal,
): Promise<{ plan: CrmImportPlan; mode: PlanMode }> {
  const worker = request.rows.length > WORKER_PLAN_ROWS ? startPlanWorker() : null
  if (worker) {
    const run = await runInWorker(worker, request, onProgress, signal)
    if (run.kind === 'planned') return { plan: run.plan, mode: 'worker' }
  }
  onProgress({ done: 0, total: request.rows.length })
  if (request.rows.length > WORKER_PLAN_ROWS) await nextPaint()
  let result: CrmImportPlan | undefined
  let failure: string | undefined
  runCsvPlanJob(request, (message) => {
    if (message.kind === 'done') result = message.plan
    else if (message.kind === 'failed') failure = message.message
  })
  if (!result) throw new Error(failure ?? 'The import could not be planned.')
  return { plan: result, mode: 'main-thread' }
}

function startPlanWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    // Vite bundles the worker into out/renderer/assets/ and rewrites this URL relative to the page's chunk.
    return new Worker(new URL('./csv-plan.worker.ts', import.meta.url), { type: 'module', name: 'csv-planner' })
  } catch (error) {
    console.warn('The import worker could not start; planning on the main thread', error)
    return null
  }
}

function runInWorker(worker: Worker, request: CsvPlanRequest, onProgress: (progress: PlanProgress) => void, signal?: AbortSignal): Promise<WorkerRun> {
  return new Promise<WorkerRun>((resolve, reject) => {
    let started = false
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', onAbort)
    }
    const onAbort = () => {
      finish()
      reject(new DOMException('The import plan is no longer wanted.', 'AbortError'))
    }
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (event: MessageEvent<CsvPlanMessage>) => {
      started = true
      const message = event.data
      if (message.kind === 'progress') onProgress({ done: message.done, total: message.total })
      else if (message.kind === 'done') { finish(); resolve({ kind: 'planned', plan: message.plan }) }
      else { finish(); reject(new Error(message.message)) }
    }
    worker.onerror = (event) => {
      event.preventDefault()
      finish()
      if (started) {
        reject(new Error(event.message || 'The import worker stopped unexpectedly.'))
        return
      }
      console.warn('The import worker failed to load; planning on the main thread', event.message)
      resolve({ kind: 'not-started' })
    }
    worker.onmessageerror = () => {
      finish()
      reject(new Error('The import plan could not be read back from the worker.'))
    }
    try {
      worker.postMessage(request)
    } catch (error) {
      console.warn('The import could not be sent to the worker; planning on the main thread', error)
      finish()
      resolve({ kind: 'not-started' })
    }
  })
}
