import type { Seller } from '@shared/model'
import { initialsOf } from '../ui/initials'
import { startSellerDrag } from './drag'

/** A draggable seller: onto a lane to seat them, onto a card to make them an owner. */
export function SellerChip({ seller, title, compact = false }: { seller: Seller; title?: string; compact?: boolean }) {
  return (
    <span
      className={`seller-chip${compact ? ' compact' : ''}`}
      draggable
      data-testid="seller-chip"
      data-seller-id={seller.id}
      title={title ?? seller.name}
      onDragStart={(e) => startSellerDrag(e, seller.id)}
    >
      <span className="seller-chip-initials" aria-hidden="true">{initialsOf(seller.name)}</span>
      <span className="seller-chip-name">{seller.name}</span>
    </span>
  )
}
