import { useCallback, type KeyboardEvent, type MutableRefObject } from 'react'
import { useDealStore } from '../state/deal-store'

/**
 * Keys on the canvas that React Flow does not handle the way a meeting needs:
 * Enter on a focused card opens it in the inspector (name field), Escape clears the
 * selection. Arrow keys are React Flow's own nudge (Shift = further); a new burst of nudges
 * starts a new undo step whenever the key pressed is not an arrow.
 */
export function useMapKeys(nudgeSeq: MutableRefObject<number>) {
  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (!e.key.startsWith('Arrow')) nudgeSeq.current++
      const target = e.target as HTMLElement
      const nodeEl = target.closest?.('.react-flow__node-stakeholder') as HTMLElement | null
      if (e.key === 'Enter' && nodeEl && nodeEl === target) {
        const id = nodeEl.dataset.id
        if (!id) return
        e.preventDefault()
        useDealStore.getState().select([id])
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="field-name"]')?.focus())
      } else if (e.key === 'Escape') {
        const store = useDealStore.getState()
        store.select([])
        store.selectLinks([])
      }
    },
    [nudgeSeq],
  )
}
