import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react'
import type { RelationshipSummary } from '@shared/analysis'
import { useDealAnalysis } from '../state/use-deal-analysis'

/**
 * Every card's relationship strength, from one subscription at the map. Each card's slot once
 * held four store subscriptions of its own (4,000 at 1,000 people, each run on every change of
 * the deal, the selection included); now the map reads the analysis once and tells only the
 * slots whose summary changed.
 */
export class StrengthStore {
  private summaries = new Map<string, RelationshipSummary>()
  private listeners = new Map<string, Set<() => void>>()

  get(id: string): RelationshipSummary | null {
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

/** The map's strength store, kept up to date with the deal analysis (one subscription). */
export function useStrengthStore(): StrengthStore {
  const analysis = useDealAnalysis()
  // Filled on creation, so the first frame of cards has every strength.
  const [store] = useState(() => {
    const created = new StrengthStore()
    if (analysis) created.update(analysis.relationships)
    return created
  })
  useEffect(() => {
    if (analysis) store.update(analysis.relationships)
  }, [analysis, store])
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
