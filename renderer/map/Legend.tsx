import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STANCES } from '@shared/model'
import { StanceIcon } from './icons'
import { COVERAGE_COLOR, COVERAGE_DASH, LINK_COLORS } from './link-colors'
import { LegendBadges } from './LegendBadges'

/** The theme's colour for a line (the dark theme lightens some), as the canvas draws it. */
const themed = (name: string, fallback: string) => `var(--link-${name}, ${fallback})`

interface LineEntry {
  id: string
  /** Key in the map namespace. */
  label: string
  stroke: string
  width: number
  dash?: string
  arrow?: boolean
}

/** What each line means, one entry per item, drawn as the canvas draws it. */
const LINE_ENTRIES: LineEntry[] = [
  { id: 'reports-to', label: 'linkKind.reports-to', stroke: themed('reports-to', LINK_COLORS['reports-to']), width: 2 },
  { id: 'influences', label: 'linkKind.influences', stroke: themed('influences', LINK_COLORS.influences), width: 2, dash: '7 4', arrow: true },
  { id: 'ally', label: 'linkKind.ally', stroke: themed('ally', LINK_COLORS.ally), width: 3 },
  { id: 'conflict', label: 'linkKind.conflict', stroke: themed('conflict', LINK_COLORS.conflict), width: 3, dash: '2 4' },
  { id: 'coverage', label: 'legend.coverage', stroke: themed('coverage', COVERAGE_COLOR), width: 2, dash: COVERAGE_DASH },
]

const REMEMBERED = 'war-room.legend-open'

/**
 * Open or folded as the user last left it; the first time, folded on a short window, where
 * the open legend would cover a third of the map (a 1280 × 720 projector).
 */
function initiallyOpen(): boolean {
  const saved = globalThis.localStorage?.getItem(REMEMBERED)
  if (saved === '1' || saved === '0') return saved === '1'
  return (globalThis.innerHeight ?? 900) >= 800
}

/** What the lines and colours mean. */
export function Legend() {
  const { t } = useTranslation('map')
  const [open, setOpenState] = useState(initiallyOpen)
  const setOpen = (next: boolean) => {
    setOpenState(next)
    globalThis.localStorage?.setItem(REMEMBERED, next ? '1' : '0')
  }
  return (
    <section className={`map-legend ${open ? 'open' : ''}`} aria-label={t('legend.title')} data-testid="map-legend" data-map-overlay="">
      <button type="button" className="ghost legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('legend.title')}
      </button>
      {open && (
        <div className="legend-body">
          <ul className="legend-lines">
            {LINE_ENTRIES.map((e) => (
              <li key={e.id} data-testid={`legend-line-${e.id}`}>
                <svg width="40" height="12" aria-hidden="true">
                  <line x1="2" y1="6" x2={e.arrow ? 32 : 38} y2="6" style={{ stroke: e.stroke }} strokeWidth={e.width} strokeDasharray={e.dash} strokeLinecap={e.id === 'conflict' ? 'round' : undefined} />
                  {e.arrow && <path d="M32 2l6 4-6 4z" style={{ fill: e.stroke }} />}
                </svg>
                {t(e.label)}
              </li>
            ))}
          </ul>
          <ul className="legend-stances">
            {STANCES.map((s) => (
              <li key={s} className={`stance-${s}`}>
                <StanceIcon stance={s} size={14} /> {t(`stance.${s}`)}
              </li>
            ))}
          </ul>
          <LegendBadges />
        </div>
      )}
    </section>
  )
}
