import { useTranslation } from 'react-i18next'
import { InnerCircleIcon } from './icons'
import './capture.css'

/**
 * What the marks on a card mean, drawn with the card's own classes so the legend shows
 * exactly what the card shows: the Stale and None badges, the inner-circle mark, its double
 * border, and the dashed card of a seat not yet identified.
 */
export function LegendBadges() {
  const { t } = useTranslation('map')
  const { t: tr } = useTranslation('relationships')
  return (
    <ul className="legend-badges" data-testid="legend-badges">
      <li data-badge="stale">
        <span className="stale-badge">{tr('stale')}</span> {t('legend.stale')}
      </li>
      <li data-badge="none">
        <span className="strength-band band-none"><span className="band-dot" aria-hidden="true" />{tr('band.none')}</span> {t('legend.none')}
      </li>
      <li data-badge="inner-circle-mark">
        <span className="card-inner-circle" aria-hidden="true"><InnerCircleIcon /></span> {t('legend.innerCircleMark')}
      </li>
      <li data-badge="double-border">
        <span className="legend-card-sample inner-circle" aria-hidden="true" /> {t('legend.doubleBorder')}
      </li>
      <li data-badge="placeholder">
        <span className="legend-card-sample placeholder" aria-hidden="true" /> {t('legend.placeholder')}
      </li>
    </ul>
  )
}
