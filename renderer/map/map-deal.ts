import { createContext, useContext, useRef } from 'react'
import type { Deal, Stakeholder } from '@shared/model'
import { useDealStore } from '../state/deal-store'

/*
 * The editing map reads the open deal in two parts (docs/performance.md, "A colleague's edit,
 * card by card"): the map itself (nodes, lines, filters, groups) a new deal only when a field it
 * reads changed, and each card its own person, live. An edit of a title, the notes or the
 * owners then redraws that one card, not the map, and hands React Flow no new node to adopt.
 */

/** True under the editing map, whose cards show the open deal; a map of another deal (a snapshot in the meeting view) leaves it false. */
export const LiveCardsContext = createContext(false)

/**
 * What a card's node carries for React Flow (the place, the size by influence, the name as the
 * node's accessible name) and for the far-out canvas (canvas-scene.ts: name, stance, influence).
 */
export function drawnAlike(a: Stakeholder, b: Stakeholder): boolean {
  return a.position.x === b.position.x && a.position.y === b.position.y && a.influence === b.influence && a.name === b.name && a.stance === b.stance
}

/** What the map's own hooks read of a person: what its node draws, the filters (filters.ts) and the department boxes. */
function sameForTheMap(a: Stakeholder, b: Stakeholder): boolean {
  return a === b || (a.id === b.id && drawnAlike(a, b) && a.buyingRole === b.buyingRole && a.department === b.department)
}

function sameMapOf(a: Deal | null, b: Deal | null): boolean {
  if (a === b) return true
  if (!a || !b || a.id !== b.id || a.links !== b.links || a.stakeholders.length !== b.stakeholders.length) return false
  return a.stakeholders === b.stakeholders || a.stakeholders.every((s, i) => sameForTheMap(s, b.stakeholders[i]))
}

/**
 * The open deal as the map reads it: the deal it last drew while no field the map reads has
 * changed since (its people's other fields may be older: the cards read those live). Kept as
 * zustand's `useShallow` keeps a selection.
 */
export function useMapDeal(): Deal | null {
  const kept = useRef<Deal | null>(null)
  return useDealStore((s) => (sameMapOf(kept.current, s.deal) ? kept.current : (kept.current = s.deal)))
}

// One index per list of people: every card's lookup after an edit shares it.
const indexes = new WeakMap<readonly Stakeholder[], Map<string, Stakeholder>>()
function personIn(deal: Deal | null, id: string): Stakeholder | undefined {
  if (!deal) return undefined
  let index = indexes.get(deal.stakeholders)
  if (!index) indexes.set(deal.stakeholders, (index = new Map(deal.stakeholders.map((s) => [s.id, s]))))
  return index.get(id)
}

/** The person a card shows: the open deal's, under the editing map; else the one its node carries. */
export function useCardPerson(carried: Stakeholder): Stakeholder {
  const live = useContext(LiveCardsContext)
  const current = useDealStore((st) => (live ? personIn(st.deal, carried.id) : undefined))
  return current ?? carried
}
