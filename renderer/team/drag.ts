import type { DragEvent as ReactDragEvent } from 'react'

/** The drag payload of a seller chip: dropped on a lane it seats them, on a card it makes them an owner. */
export const SELLER_MIME = 'application/x-war-room-seller'

type AnyDragEvent = DragEvent | ReactDragEvent

export function startSellerDrag(e: AnyDragEvent, sellerId: string): void {
  if (!e.dataTransfer) return
  e.dataTransfer.setData(SELLER_MIME, sellerId)
  e.dataTransfer.effectAllowed = 'copy'
}

/** True while a seller chip is dragged (the id itself is only readable on drop). */
export function isSellerDrag(e: AnyDragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes(SELLER_MIME)
}

export function droppedSellerId(e: AnyDragEvent): string | null {
  const id = e.dataTransfer?.getData(SELLER_MIME)
  return id ? id : null
}
