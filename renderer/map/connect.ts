import { create } from 'zustand'
import type { FinalConnectionState } from '@xyflow/react'
import { newId, type LinkKind } from '@shared/model'
import { useDealStore } from '../state/deal-store'

/**
 * A line drawn by dragging from card `source` (bottom handle) to card `target`.
 * The default kind is reports-to with the org-chart reading: the lower card reports to the
 * upper one, i.e. the target reports to the source. Other kinds read source → target.
 */
export interface PendingConnection {
  linkId: string
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
  const store = useDealStore.getState()
  const link = { id: newId(), kind: 'reports-to' as const, ...linkEnds('reports-to', source, target) }
  const result = store.dispatch({ type: 'add-link', link }, { capture: 'merge', mergeKey: `connect-${link.id}` })
  if (result.ok) {
    store.selectLinks([link.id])
    useConnectionPopover.setState({ pending: { linkId: link.id, source, target, seq: ++seq } })
  }
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

/** Change the kind of a just-drawn line; it stays one undo step with the drawing. */
export function chooseKindForPending(kind: LinkKind): void {
  const pending = useConnectionPopover.getState().pending
  if (!pending) return
  const store = useDealStore.getState()
  const link = store.deal?.links.find((l) => l.id === pending.linkId)
  if (!link) return
  const wanted = linkEnds(kind, pending.source, pending.target)
  store.dispatch(
    { type: 'update-link', id: link.id, kind, reverse: wanted.from !== link.from },
    { capture: 'merge', mergeKey: `connect-${link.id}` },
  )
  useConnectionPopover.setState({ pending: null })
}

export const useConnectionPopover = create<{ pending: PendingConnection | null }>()(() => ({ pending: null }))
