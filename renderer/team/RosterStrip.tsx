import { useTranslation } from 'react-i18next'
import type { Seller } from '@shared/model'
import { openRoster } from '../roster'
import { SellerChip } from './SellerChip'

/** The active roster as draggable chips, with the way into the roster itself. */
export function RosterStrip({ roster }: { roster: readonly Seller[] }) {
  const { t } = useTranslation('team')
  const active = roster.filter((s) => !s.archived)
  return (
    <section className="roster-strip" data-testid="roster-strip" aria-labelledby="roster-strip-title">
      <header className="roster-strip-header">
        <h3 id="roster-strip-title">{t('strip.title')}</h3>
        <button type="button" className="ghost" data-testid="manage-roster" onClick={() => openRoster()}>
          {t('strip.manage')}
        </button>
      </header>
      <p className="roster-strip-hint">{t('strip.hint')}</p>
      {active.length === 0 ? (
        <p className="roster-strip-empty">{t('strip.empty')}</p>
      ) : (
        <div className="roster-strip-chips">
          {active.map((s) => (
            <SellerChip key={s.id} seller={s} title={`${s.name} · ${t(`level.${s.level}`)} · ${s.kinds.map((k) => t(`kindShort.${k}`)).join(' / ')}`} />
          ))}
        </div>
      )}
    </section>
  )
}
