import type { CrmImportPlan, PlanProgress } from '@shared/import'
import { runWorkerJob } from '../worker-job'
import { runCsvPlanJob, type CsvPlanMessage, type CsvPlanRequest } from './csv-plan-job'

/**
 * Above this many rows the plan is made in a worker: a few thousand rows plan in well under
 * a frame budget's worth of waiting, more can take a second or longer on a slow laptop.
 */
export const WORKER_PLAN_ROWS = 2_000

/** Where the plan was made: in the worker, or on the page's main thread. */
export type PlanMode = 'worker' | 'main-thread'

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
    const run = await runWorkerJob<CsvPlanMessage, CrmImportPlan>(worker, request, {
      what: 'the import plan',
      signal,
      onMessage(message, done, fail) {
        if (message.kind === 'progress') onProgress({ done: message.done, total: message.total })
        else if (message.kind === 'done') done(message.plan)
        else fail(new Error(message.message))
      },
    })
    if (run.kind === 'finished') return { plan: run.value, mode: 'worker' }
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
    console.warn('The import worker could not start; making the import plan on the main thread', error)
    return null
  }
}

