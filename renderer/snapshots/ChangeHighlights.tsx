import { useMemo } from 'react'
import { changedStakeholderIds, useChanges } from './use-changes'
import { useComparisonStore } from './comparison-store'
import './snapshots.css'

/**
 * Outlines the cards a comparison mentions. It styles the map's cards by their
 * `data-stakeholder-id`, so the map needs no knowledge of comparisons.
 */
export function ChangeHighlights() {
  const changes = useChanges()
  const on = useComparisonStore((s) => s.highlight)
  const css = useMemo(() => {
    if (!on || !changes?.length) return ''
    const ids = changedStakeholderIds(changes)
    if (ids.length === 0) return ''
    const selector = ids.map((id) => `.map-canvas .stakeholder-card[data-stakeholder-id="${CSS.escape(id)}"]`).join(',\n')
    return `${selector} { box-shadow: 0 0 0 3px var(--changed, #cc79a7), 0 0 18px 2px var(--changed-glow, rgba(204,121,167,.45)); }`
  }, [changes, on])
  if (!css) return null
  return <style data-testid="change-highlights">{css}</style>
}
