import { create } from 'zustand'
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
