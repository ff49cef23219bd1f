// The deck is built here, off the page's main thread, so the window stays responsive while a
// big map is laid out and zipped (0.4–1.5 s for 1,000 people). A same-origin module worker:
// the CSP's script-src 'self' allows it (worker-src falls back to script-src).
import '../zod-config'
import { runDeckJob, type DeckJobMessage, type DeckJobRequest } from './deck-job'

/** The slice of DedicatedWorkerGlobalScope used here (the project's one tsconfig has the DOM lib, not the webworker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DeckJobRequest>) => void) | null
  postMessage(message: DeckJobMessage, transfer: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  void runDeckJob(event.data, (message, transfer = []) => scope.postMessage(message, transfer))
}
