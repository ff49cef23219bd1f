import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LINK_KINDS, STANCES } from '@shared/model'
import { StanceIcon } from './icons'
import { LINK_COLORS } from './link-colors'
import { LegendBadges } from './LegendBadges'

const DASH: Record<string, string | undefined> = { 'reports-to': undefined, influences: '7 4', ally: undefined, conflict: '2 4' }

/** The theme's colour for a line kind (the dark theme lightens some), as the canvas draws it. */
const themed = (kind: keyof typeof LINK_COLORS) => `var(--link-${kind}, ${LINK_COLORS[kind]})`

/** What the lines and colours mean. */
export function Legend() {
  const { t } = useTranslation('map')
  const [open, setOpen] = useState(true)
  return (
    <section className={`map-legend ${open ? 'open' : ''}`} aria-label={t('legend.title')} data-testid="map-legend" data-map-overlay="">
      <button type="button" className="ghost legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('legend.title')}
      </button>
      {open && (
        <div className="legend-body">
          <ul className="legend-lines">
            {LINK_KINDS.map((k) => (
              <li key={k}>
                <svg width="40" height="12" aria-hidden="true">
                  <line x1="2" y1="6" x2={k === 'influences' ? 32 : 38} y2="6" style={{ stroke: themed(k) }} strokeWidth={k === 'ally' || k === 'conflict' ? 3 : 2} strokeDasharray={DASH[k]} />
                  {k === 'influences' && <path d="M32 2l6 4-6 4z" style={{ fill: themed(k) }} />}
                </svg>
                {t(`linkKind.${k}`)}
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
