// A big CRM import is planned here, off the page's main thread, so the window keeps
// answering while tens of thousands of rows are matched and laid out. A same-origin module
// worker: the CSP's script-src 'self' allows it (worker-src falls back to script-src).
import '../zod-config'
import { runCsvPlanJob, type CsvPlanMessage, type CsvPlanRequest } from './csv-plan-job'

/** The slice of DedicatedWorkerGlobalScope used here (the project's one tsconfig has the DOM lib, not the webworker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CsvPlanRequest>) => void) | null
  postMessage(message: CsvPlanMessage): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  runCsvPlanJob(event.data, (message) => scope.postMessage(message))
}
