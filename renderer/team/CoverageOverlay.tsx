import { memo, useMemo } from 'react'
import { ViewportPortal } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { useCoverageStore } from './coverage-store'
import { BADGE_HEIGHT, BADGE_WIDTH, coverageLayout, type CoverageLayout } from './coverage-layout'
import { startSellerDrag } from './drag'
import { useOwnerDrop } from './use-owner-drop'
import './team.css'

/**
 * The map's "coverage" layer: a toggle, and when on, each seated seller as a badge above the
 * map with lines to the people they own (drawn in the map's own coordinates, so it pans and
 * zooms with the cards). Also makes every card a drop target for seller chips.
 */
export function CoverageOverlay() {
  const { t } = useTranslation('team')
  const shown = useCoverageStore((s) => s.shown)
  const dealOpen = useDealStore((s) => s.deal !== null)
  useOwnerDrop(dealOpen)
  if (!dealOpen) return null
  return (
    <>
      <button
        type="button"
        className={`coverage-toggle${shown ? ' on' : ''}`}
        data-testid="coverage-toggle"
        data-map-overlay=""
        aria-pressed={shown}
        title={t('coverage.toggleTitle')}
        onClick={() => useCoverageStore.getState().toggle()}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="3" r="2.5" fill="currentColor" />
          <path d="M8 5.5v3M8 8.5L3 13M8 8.5l5 4.5M8 8.5V13" stroke="currentColor" strokeWidth="1.4" fill="none" />
        </svg>
        {t('coverage.toggle')}
      </button>
      {shown && <CoverageLayer />}
    </>
  )
}

function CoverageLayer() {
  const team = useDealStore((s) => s.deal?.team)
  const stakeholders = useDealStore((s) => s.deal?.stakeholders)
  const roster = useWorkspaceStore((s) => s.roster)
  const layout = useMemo(() => (team && stakeholders ? coverageLayout({ team, stakeholders }, roster) : null), [team, stakeholders, roster])
  if (!layout) return null
  return (
    <ViewportPortal>
      <CoverageDrawing layout={layout} />
    </ViewportPortal>
  )
}

const CoverageDrawing = memo(function CoverageDrawing({ layout }: { layout: CoverageLayout }) {
  const { t, i18n } = useTranslation('team')
  const { bounds } = layout
  return (
    <div className="coverage-layer" data-testid="coverage-layer">
      <svg
        className="coverage-lines"
        style={{ left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height }}
        viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
        aria-hidden="true"
      >
        {layout.paths.map((p) => <path key={p.sellerId} d={p.d} data-seller-id={p.sellerId} />)}
      </svg>
      {layout.badges.map((b) => {
        const seats = b.roles.map((r) => t(`role.${r}`)).join(' · ')
        return (
          <div
            key={b.sellerId}
            className={`coverage-badge nodrag nopan nowheel${b.seated ? '' : ' unseated'}`}
            data-testid="coverage-badge"
            data-seller-id={b.sellerId}
            style={{ transform: `translate(${b.x}px, ${b.y}px)`, width: BADGE_WIDTH, height: BADGE_HEIGHT }}
            draggable
            onDragStart={(e) => startSellerDrag(e, b.sellerId)}
            aria-label={t('coverage.badge', { name: b.name, seats: seats || '—', count: b.owned, lng: i18n.language })}
          >
            <span className="coverage-badge-name">{b.name}</span>
            <span className="coverage-badge-facts">
              {seats && <span className="coverage-badge-roles">{seats}</span>}
              <span className="coverage-badge-count">{t('coverage.owns', { count: b.owned })}</span>
            </span>
          </div>
        )
      })}
    </div>
  )
})
