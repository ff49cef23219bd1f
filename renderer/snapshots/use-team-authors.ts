import { useEffect, useRef } from 'react'
import { api, unwrap } from '../api'
import { useDealStore } from '../state/deal-store'
import { useComparisonStore, type ComparedVersion } from './comparison-store'

/** A comparison "until now" asks again once the live deal has been still this long. */
const REFRESH_MS = 400

/**
 * Keeps the comparison's authors in step: the shared deal's edits between the two compared
 * snapshots (or until now), each naming its author (docs/collaboration.md, "Snapshots and
 * authors"). An unshared deal gets none, and a failed ask leaves the changes unnamed: who
 * made a change is an aid to reading, never a reason to hide it. A comparison just opened asks
 * at once (its lines come with their names); only a later live edit waits for the deal to settle.
 */
export function useTeamAuthors(dealId: string | undefined): void {
  const from = useComparisonStore((s) => s.from)
  const to = useComparisonStore((s) => s.to)
  // "Until now" follows the live deal, a colleague's edits included.
  const live = useDealStore((s) => (to ? null : s.deal))
  const asked = useRef<{ from: ComparedVersion | null; to: ComparedVersion | null }>({ from: null, to: null })
  useEffect(() => {
    if (!dealId || !from?.snapshotId) return
    const fresh = asked.current.from !== from || asked.current.to !== to
    asked.current = { from, to }
    let current = true
    const timer = setTimeout(() => {
      // Asked inside the chain, so even a call that throws at once leaves the changes unnamed, never an error.
      Promise.resolve()
        .then(() => api.snapshotAuthors(dealId, from.snapshotId!, to?.snapshotId ?? null))
        .then((result) => current && useComparisonStore.getState().setAuthors(unwrap(result)))
        .catch(() => current && useComparisonStore.getState().setAuthors([]))
    }, live && !fresh ? REFRESH_MS : 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [dealId, from, to, live])
}
