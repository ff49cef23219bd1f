/**
 * Whether the page knows yet if the open deal is shared: main answers `collab:state` a moment
 * after the deal opens (docs/collaboration-app.md, "Who does what"). An edit the page makes on
 * its own in that moment (the account's update on open) waits for the answer, or it goes to the
 * private save of a deal whose truth is the team's doc, and is lost there.
 */
let known: string | null = null
const listeners = new Set<() => void>()

/** The open deal changed: nobody knows yet whether it is shared. */
export function sharingUnknown(): void {
  known = null
}

/** Main has answered for `dealId` (shared or not, or failed to answer). */
export function sharingKnown(dealId: string): void {
  known = dealId
  for (const listener of [...listeners]) listener()
}

/** Resolves once main has answered for `dealId`, or after `timeoutMs` (a page with no sharing at all). */
export function whenSharingKnown(dealId: string, timeoutMs = 5_000): Promise<void> {
  if (known === dealId) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      if (known !== dealId && !timedOut) return
      clearTimeout(timer)
      listeners.delete(done)
      resolve()
    }
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      done()
    }, timeoutMs)
    listeners.add(done)
  })
}
