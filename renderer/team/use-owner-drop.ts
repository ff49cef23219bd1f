import { useEffect } from 'react'
import { droppedSellerId, isSellerDrag } from './drag'
import { teamCommands } from './seat-operations'

const OVER_CLASS = 'owner-drop-over'

/** The card (React Flow node) under a drag, if any. */
function cardNodeAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null
  const node = target.closest<HTMLElement>('.react-flow__node[data-id]')
  return node && node.querySelector('[data-testid="stakeholder-card"]') ? node : null
}

/**
 * Dropping a seller chip on a stakeholder card makes that seller one of its owners. Listens
 * on the document (one listener for any number of cards) so the card component stays as it is.
 */
export function useOwnerDrop(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let highlighted: HTMLElement | null = null
    const highlight = (node: HTMLElement | null) => {
      if (highlighted === node) return
      highlighted?.classList.remove(OVER_CLASS)
      node?.classList.add(OVER_CLASS)
      highlighted = node
    }
    const onOver = (e: DragEvent) => {
      if (!isSellerDrag(e)) return
      const node = cardNodeAt(e.target)
      highlight(node)
      if (!node) return
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (e: DragEvent) => {
      const node = cardNodeAt(e.target)
      highlight(null)
      if (!node || !isSellerDrag(e)) return
      const sellerId = droppedSellerId(e)
      const stakeholderId = node.dataset.id
      if (!sellerId || !stakeholderId) return
      e.preventDefault()
      teamCommands.addOwner(stakeholderId, sellerId)
    }
    const onEnd = () => highlight(null)
    document.addEventListener('dragover', onOver)
    document.addEventListener('drop', onDrop)
    document.addEventListener('dragend', onEnd)
    return () => {
      highlight(null)
      document.removeEventListener('dragover', onOver)
      document.removeEventListener('drop', onDrop)
      document.removeEventListener('dragend', onEnd)
    }
  }, [enabled])
}
