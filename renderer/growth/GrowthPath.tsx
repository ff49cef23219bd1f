import { useTranslation } from 'react-i18next'
import { joinWords } from '@shared/analysis'
import type { GrowthProfile } from '@shared/growth'
import { SEAT_OF_ROLE } from '@shared/method'
import type { Seller } from '@shared/model'

/** The next soul, the deals to learn it in beside a qualified colleague, and any twin souls. */
export function GrowthPath({ profile, roster }: { profile: GrowthProfile; roster: readonly Seller[] }) {
  const { t } = useTranslation('growth')
  const nameOf = (id: string) => roster.find((s) => s.id === id)?.name ?? id
  const next = profile.nextSoul
  return (
    <section className="growth-path" aria-labelledby="growth-path-title">
      <h3 id="growth-path-title">{t('path.title')}</h3>
      <p className="growth-next" data-testid="growth-next-soul" data-role={next ?? 'none'}>
        {next ? t('path.next', { role: t(`team:role.${next}`), seat: t(`team:seat.${SEAT_OF_ROLE[next]}`) }) : t('path.allMastered')}
      </p>
      {next && (
        <>
          <h4>{t('path.learning')}</h4>
          {profile.learning.length === 0 ? (
            <p className="growth-muted" data-testid="growth-learning-none">{t('path.learningNone', { role: t(`team:role.${next}`), seat: t(`team:seat.${SEAT_OF_ROLE[next]}`) })}</p>
          ) : (
            <>
              <p className="growth-muted">{t('path.learningIntro', { name: profile.name, role: t(`team:role.${next}`), seat: t(`team:seat.${SEAT_OF_ROLE[next]}`) })}</p>
              <ul className="growth-learning" data-testid="growth-learning">
                {profile.learning.map((l) => (
                  <li key={l.dealId} data-deal-id={l.dealId}>
                    <strong>{l.dealName}</strong> <span className="growth-muted">· {l.customer} · {t(`common:stage.${l.stage}`)} · {t('path.beside', { names: joinWords(l.colleagueIds.map(nameOf), t) })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {profile.twinSouls.length > 0 && (
        <div className="growth-twin" data-testid="growth-twin-souls">
          <h4>{t('twin.title')}</h4>
          {profile.twinSouls.map((tw) => (
            <p key={tw.dealId} className="seat-note twin">⚠ {t('twin.note', { deal: tw.dealName, name: profile.name, roles: joinWords(tw.roles.map((r) => t(`team:role.${r}`)), t) })}</p>
          ))}
        </div>
      )}
    </section>
  )
}
