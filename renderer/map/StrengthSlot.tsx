import { memo } from 'react'

/**
 * The card's reserved place for relationship strength. The relationships feature replaces
 * this component; until then it shows `strength` (0–5) when the node data carries one.
 */
export interface StrengthSlotProps {
  stakeholderId: string
  strength?: number
}

export const StrengthSlot = memo(function StrengthSlot({ strength }: StrengthSlotProps) {
  if (strength === undefined) return <span className="strength-slot" aria-hidden="true" />
  return (
    <span className="strength-slot" data-testid="strength-slot">
      {strength.toFixed(1)}
    </span>
  )
})
