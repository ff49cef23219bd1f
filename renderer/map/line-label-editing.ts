import { create } from 'zustand'
import { useDealStore } from '../state/deal-store'

/** Which line's label is being typed on the map (one at a time). */
export const useLineLabelEditing = create<{ editingId: string | null }>()(() => ({ editingId: null }))

export function editLineLabel(id: string): void {
  useLineLabelEditing.setState({ editingId: id })
}

export function stopEditingLineLabel(): void {
  useLineLabelEditing.setState({ editingId: null })
}

/** One undo step; the command cleans the text and an empty label removes it. */
export function commitLineLabel(id: string, label: string): void {
  stopEditingLineLabel()
  const link = useDealStore.getState().deal?.links.find((l) => l.id === id)
  if (!link || (link.label ?? '') === label.trim()) return
  useDealStore.getState().dispatch({ type: 'set-link-label', id, label })
}
