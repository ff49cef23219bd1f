import { createContext, createElement, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import type { RelationshipSummary } from '@shared/analysis'
import { useDealAnalysisLater } from '../state/use-deal-analysis'
import { afterNextPaint } from '../ui/after-paint'

/**
 * Every card's relationship strength, from one subscription at the map. Each card's slot once
 * held four store subscriptions of its own (4,000 at 1,000 people, each run on every change of
 * the deal, the selection included); now the map reads the analysis once and tells only the
 * slots whose summary changed.
 */
export class StrengthStore {
  private summaries = new Map<string, RelationshipSummary>()
  private listeners = new Map<string, Set<() => void>>()
  private source: (() => Readonly<Record<string, RelationshipSummary>> | undefined) | null = null

  /** True until the first summaries are in: they come from `fillWhenAsked`'s source. */
  get waiting(): boolean {
    return this.source !== null
  }

  /**
   * Take the first summaries from `source` when a card first asks for one, or at the first
   * `update`, whichever comes first: a map opened far out shows no DOM card, so its first frame
   * need not wait for the deal's analysis (docs/performance.md, "Open, part 3").
   */
  fillWhenAsked(source: () => Readonly<Record<string, RelationshipSummary>> | undefined): void {
    this.source = source
  }

  get(id: string): RelationshipSummary | null {
    if (this.source) {
      // Nobody has read a summary yet, so nobody needs telling.
      const first = this.source()
      this.source = null
      for (const [key, s] of Object.entries(first ?? {})) this.summaries.set(key, { band: s.band, stale: s.stale, strength: s.strength })
    }
    return this.summaries.get(id) ?? null
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id)
    if (!set) this.listeners.set(id, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  /** Takes the new summaries; keeps the old object where nothing changed, and notifies the rest. */
  update(next: Readonly<Record<string, RelationshipSummary>>): void {
    this.source = null
    const changed: string[] = []
    const merged = new Map<string, RelationshipSummary>()
    for (const [id, s] of Object.entries(next)) {
      const old = this.summaries.get(id)
      if (old && old.band === s.band && old.stale === s.stale && old.strength === s.strength) merged.set(id, old)
      else {
        merged.set(id, { band: s.band, stale: s.stale, strength: s.strength })
        changed.push(id)
      }
    }
    for (const id of this.summaries.keys()) if (!merged.has(id)) changed.push(id)
    this.summaries = merged
    for (const id of changed) this.listeners.get(id)?.forEach((l) => l())
  }
}

export const StrengthStoreContext = createContext<StrengthStore | null>(null)

/**
 * The map's strength store, kept up to date with the deal analysis (one subscription). The
 * first summaries are worked out when a card first asks (a map opened close up: in its first
 * frame) or just after the first paint (a map opened far out, all on the canvas), not before.
 */
export function useStrengthStore(): StrengthStore {
  const analysisLater = useDealAnalysisLater()
  const relationships = useCallback(() => analysisLater()?.relationships, [analysisLater])
  // Until the first summaries are in, they come from the deal as it is then.
  const latest = useRef(relationships)
  latest.current = relationships
  const [store] = useState(() => {
    const created = new StrengthStore()
    created.fillWhenAsked(() => latest.current())
    return created
  })
  useEffect(() => {
    const fill = () => {
      const now = relationships()
      if (now) store.update(now)
    }
    if (store.waiting) return afterNextPaint(fill)
    fill()
  }, [relationships, store])
  return store
}

/** One card's summary from the map's store. */
export function useMapStrength(store: StrengthStore, id: string): RelationshipSummary | null {
  return useSyncExternalStore(
    (listener) => store.subscribe(id, listener),
    () => store.get(id),
  )
}

export const useStrengthStoreContext = () => useContext(StrengthStoreContext)

/**
 * The map's strength store for the cards under it. A component of its own: the store follows
 * every analysis of the deal, and the map that holds it need not draw again for that (its
 * children are the same elements, so React leaves them be; docs/performance.md).
 */
export function StrengthStoreProvider({ children }: { children: ReactNode }) {
  return createElement(StrengthStoreContext.Provider, { value: useStrengthStore() }, children)
}
