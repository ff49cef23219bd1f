/** How a job handed to a worker ended: its result, or the worker never got going. */
export type WorkerJobRun<T> = { kind: 'finished'; value: T } | { kind: 'not-started' }

export interface WorkerJob<M, T> {
  /** What the job makes, for log lines: "the deck", "the import plan". */
  what: string
  /** Handle one message; call `done` or `fail` when the job ends (progress messages call neither). */
  onMessage(message: M, done: (value: T) => void, fail: (error: Error) => void): void
  /** Stops a worker whose result is no longer wanted. */
  signal?: AbortSignal
}

/**
 * Run one job in a dedicated worker, terminated when it ends. A worker that fails before its
 * first message (blocked, missing, module workers unsupported) or that cannot take the
 * request (not cloneable) answers `not-started`, so the caller can do the job on the main
 * thread instead; a failure after it started is the job's own, and is not retried.
 */
export function runWorkerJob<M, T>(worker: Worker, request: unknown, job: WorkerJob<M, T>): Promise<WorkerJobRun<T>> {
  return new Promise<WorkerJobRun<T>>((resolve, reject) => {
    let started = false
    const finish = () => {
      worker.terminate()
      job.signal?.removeEventListener('abort', onAbort)
    }
    const onAbort = () => {
      finish()
      reject(new DOMException(`${job.what} is no longer wanted.`, 'AbortError'))
    }
    const notStarted = (why: string, detail: unknown) => {
      console.warn(`${why}; making ${job.what} on the main thread`, detail)
      finish()
      resolve({ kind: 'not-started' })
    }
    if (job.signal?.aborted) return onAbort()
    job.signal?.addEventListener('abort', onAbort)
    worker.onmessage = (event: MessageEvent<M>) => {
      started = true
      job.onMessage(
        event.data,
        (value) => { finish(); resolve({ kind: 'finished', value }) },
        (error) => { finish(); reject(error) },
      )
    }
    worker.onerror = (event) => {
      event.preventDefault()
      if (started) {
        finish()
        reject(new Error(event.message || `The worker making ${job.what} stopped unexpectedly.`))
      } else notStarted('The worker failed to load', event.message)
    }
    worker.onmessageerror = () => {
      finish()
      reject(new Error(`${job.what} could not be read back from the worker.`))
    }
    try {
      worker.postMessage(request)
    } catch (error) {
      notStarted('The request could not be sent to the worker', error)
    }
  })
}
