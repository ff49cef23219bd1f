import { memo } from 'react'
import type { CardLabels } from './map-detail'
import type { RelationshipSummary } from '@shared/analysis'
import { useRelationshipSummary } from '../state/use-deal-analysis'
import { useMapStrength, useStrengthStoreContext, type StrengthStore } from './strength-store'
import '../ui/strength.css'

/**
 * The card's relationship strength: the band of the best relationship (colour and word) and
 * a stale badge when no one has been in touch within the cadence. It subscribes on its own,
 * so a card re-renders only when its own strength changes. Compact (the zoomed-out card):
 * one dot in the band's colour, ringed when stale, the band and staleness in its tooltip.
 */
export interface StrengthSlotProps {
  stakeholderId: string
  /** Translations handed down by the card. */
  labels: CardLabels
  compact?: boolean
}

export const StrengthSlot = memo(function StrengthSlot(props: StrengthSlotProps) {
  // On the map: the map's one subscription; elsewhere the card subscribes for itself.
  const store = useStrengthStoreContext()
  return store ? <MapStrengthSlot {...props} store={store} /> : <LiveStrengthSlot {...props} />
})

function MapStrengthSlot({ store, ...props }: StrengthSlotProps & { store: StrengthStore }) {
  return <StrengthView {...props} summary={useMapStrength(store, props.stakeholderId)} />
}

function LiveStrengthSlot(props: StrengthSlotProps) {
  return <StrengthView {...props} summary={useRelationshipSummary(props.stakeholderId)} />
}

function StrengthView({ labels, compact = false, summary }: StrengthSlotProps & { summary: RelationshipSummary | null }) {
  if (!summary) return <span className="strength-slot" aria-hidden="true" />
  const band = labels.band[summary.band]
  if (compact) {
    return (
      <span className={`strength-slot strength-dot band-${summary.band}${summary.stale ? ' stale' : ''}`} data-testid="strength-slot" data-band={summary.band}
        data-stale={summary.stale ? 'true' : 'false'} title={summary.stale ? `${band} · ${labels.stale}` : band} />
    )
  }
  const t = labels.tr
  return (
    <span className="strength-slot" data-testid="strength-slot" data-band={summary.band} data-stale={summary.stale ? 'true' : 'false'}>
      <span className={`strength-band band-${summary.band}`} title={t('strengthHint', { strength: summary.strength, band })}>
        <span className="band-dot" aria-hidden="true" />
        {band}
      </span>
      {summary.stale && (
        <span className="stale-badge" data-testid="stale-badge" title={labels.stale}>
          {labels.stale}
        </span>
      )}
    </span>
  )
}
