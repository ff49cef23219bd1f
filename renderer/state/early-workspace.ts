import type { Api } from '@shared/ipc'

type WorkspaceAnswer = ReturnType<Api['loadWorkspace']>

let early: WorkspaceAnswer | null = null

/**
 * Ask main for the workspace (the deals list's rows) before the app's own code has loaded:
 * main reads and checks every listed deal for its summary, and that now runs while the page
 * fetches, parses and runs its first chunk, instead of after React's first render asked for
 * it (docs/performance.md, "Open, part 3"). Called once, by the page's entry module.
 */
export function askForWorkspaceEarly(): void {
  const loadWorkspace = (globalThis as { api?: Partial<Api> }).api?.loadWorkspace
  if (typeof loadWorkspace !== 'function') return
  early = loadWorkspace()
  // Taken (and its failure shown) by the store's first load; until then no unhandled rejection.
  early.catch(() => undefined)
}

/** The early answer, once: the workspace store's first load uses it, every later load asks again. */
export function takeEarlyWorkspace(): WorkspaceAnswer | null {
  const answer = early
  early = null
  return answer
}
