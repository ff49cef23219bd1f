import { useTranslation } from 'react-i18next'
import type { GrowthProfile } from '@shared/growth'
import { SEAT_OF_ROLE } from '@shared/method'
import { GROWTH_ORDER } from '@shared/growth'

/** What follows from the deals: level and souls, load, seats by role with outcomes, strength per account. */
export function ProfileFacts({ profile }: { profile: GrowthProfile }) {
  const { t } = useTranslation('growth')
  return (
    <div className="growth-facts">
      <section aria-labelledby="growth-souls">
        <h3 id="growth-souls">{t('souls.title')}</h3>
        <p data-testid="growth-level">{t('souls.level', { level: t(`team:level.${profile.level}`) })}</p>
        {profile.souls.length === 0 ? <p className="growth-muted">{t('souls.none')}</p> : (
          <ul className="growth-souls" data-testid="growth-souls">
            {profile.souls.map((role) => <li key={role} className={`growth-soul role-${role}`}>{t(`team:role.${role}`)} · {t(`team:winsWith.${role}`)}</li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="growth-load">
        <h3 id="growth-load">{t('load.title')}</h3>
        <p data-testid="growth-load" className={profile.load.overloaded ? 'growth-over' : undefined}>
          {t('load.value', { count: profile.load.openDeals, limit: profile.load.limit })}
          {profile.load.overloaded ? ` · ${t('load.over')}` : ''}
        </p>
      </section>
      <section aria-labelledby="growth-seats">
        <h3 id="growth-seats">{t('seats.title')}</h3>
        {GROWTH_ORDER.every((r) => profile.seats[r].seats.length === 0) ? <p className="growth-muted">{t('seats.none')}</p> : (
          <ul className="growth-seats" data-testid="growth-seats">
            {GROWTH_ORDER.filter((r) => profile.seats[r].seats.length > 0).map((role) => {
              const r = profile.seats[role]
              const open = Object.values(r.open).reduce((a, b) => a + (b ?? 0), 0)
              return (
                <li key={role} data-role={role}>
                  <strong>{t(`team:seatTitle.${SEAT_OF_ROLE[role]}`)}</strong>{' '}
                  <span className="growth-muted">{t('seats.outcome', { won: r.won, lost: r.lost, open })}</span>
                  <ul className="growth-seat-deals">
                    {r.seats.map((s) => (
                      <li key={s.dealId}>
                        {s.dealName} <span className="growth-muted">· {s.customer} · {t(`common:stage.${s.stage}`)}{s.lead ? ` · ${t('seats.lead')}` : ''}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="growth-accounts">
        <h3 id="growth-accounts">{t('accounts.title')}</h3>
        {profile.accounts.length === 0 ? <p className="growth-muted">{t('accounts.none')}</p> : (
          <ul className="growth-accounts" data-testid="growth-accounts">
            {profile.accounts.map((a) => (
              <li key={a.customer}>
                <span className={`strength-band band-${a.band}`}>{a.customer}</span>{' '}
                <span className="growth-muted">{t('accounts.row', { count: a.people, average: a.average, best: a.best })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
