import { create } from 'zustand'
import type { FinalConnectionState } from '@xyflow/react'
import { newId, type LinkKind } from '@shared/model'
import { useDealStore } from '../state/deal-store'

/**
 * A line dragged from card `source` to card `target`, waiting for its kind. Nothing is in the
 * deal yet: the line is made once, with the kind chosen, so no warning about a line that is
 * not meant (a reports-to loop) can show while the user is still choosing, and Esc leaves
 * the deal as it was.
 *
 * Reports-to has the org-chart reading: the card dragged to reports to the card dragged
 * from (drag from the manager down to the report). Other kinds read source → target.
 */
export interface PendingConnection {
  source: string
  target: string
  seq: number
}

let seq = 0

export function linkEnds(kind: LinkKind, source: string, target: string): { from: string; to: string } {
  return kind === 'reports-to' ? { from: target, to: source } : { from: source, to: target }
}

export function connectStakeholders(source: string | null, target: string | null): void {
  if (!source || !target) return
  if (source === target) {
    // Refused by the command, with the usual message; nothing to choose.
    useDealStore.getState().dispatch({ type: 'add-link', link: { id: newId(), kind: 'reports-to', from: source, to: target } })
    return
  }
  useConnectionPopover.setState({ pending: { source, target, seq: ++seq } })
}

/**
 * A line dragged out of a handle and dropped on a card. React Flow connects only when the drop
 * lands within a few pixels of the other card's dot; the hint tells users to drop "on another
 * card", so a drop anywhere on a card connects too (onto the card it started from is refused
 * like any line to oneself, with the usual message).
 */
export function connectOnDrop(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (state.isValid || !state.fromNode || !state.fromHandle) return // React Flow connected it (or will say why not)
  const point = 'changedTouches' in event ? event.changedTouches[0] : event
  if (!point) return
  const card = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node-stakeholder')
  const dropId = card?.dataset.id
  if (!dropId) return
  const fromId = state.fromNode.id
  // From a card's top dot the drop card is the upper end, as if drawn from its bottom dot.
  if (state.fromHandle.type === 'target') connectStakeholders(dropId, fromId)
  else connectStakeholders(fromId, dropId)
}

/**
 * Make the waiting line with the kind chosen: one undo step. `reversed` reads reports-to the
 * other way round (the card dragged from reports to the one dragged to).
 */
export function chooseKindForPending(kind: LinkKind, reversed = false): void {
  const pending = useConnectionPopover.getState().pending
  if (!pending) return
  useConnectionPopover.setState({ pending: null })
  const store = useDealStore.getState()
  const ends = reversed ? linkEnds(kind, pending.target, pending.source) : linkEnds(kind, pending.source, pending.target)
  const link = { id: newId(), kind, ...ends }
  if (store.dispatch({ type: 'add-link', link }).ok) store.selectLinks([link.id])
}

export function cancelPendingConnection(): void {
  useConnectionPopover.setState({ pending: null })
}

export const useConnectionPopover = create<{ pending: PendingConnection | null }>()(() => ({ pending: null }))
