import { useTranslation } from 'react-i18next'
import type { Suggestion } from '@shared/analysis'
import { SEAT_OF_ROLE } from '@shared/method'
import type { Seller } from '@shared/model'
import { openSellerProfile } from '../growth'
import { teamCommands } from './seat-operations'

/**
 * The team builder for one gap (docs/growth.md#team-builder): the qualified candidates in the
 * analysis's order, each with why it ranks there (load, ties with the account's key people),
 * to seat with one click or to look at first.
 */
export function TeamBuilder({ suggestion, sellers }: { suggestion: Suggestion; sellers: ReadonlyMap<string, Seller> }) {
  const { t } = useTranslation('growth')
  const seat = SEAT_OF_ROLE[suggestion.role]
  const rows = suggestion.candidates.flatMap((c) => {
    const seller = sellers.get(c.sellerId)
    return seller ? [{ c, seller }] : []
  })
  if (rows.length < 2) return null // one candidate is the fix button alone
  return (
    <details className="team-builder" data-testid="team-builder" data-role={suggestion.role}>
      <summary>{t('builder.title')}</summary>
      <p className="team-builder-why">{t('builder.intro', { seat: t(`team:seat.${seat}`) })}</p>
      <ol>
        {rows.map(({ c, seller }) => (
          <li key={c.sellerId} data-testid="team-builder-candidate" data-seller-id={c.sellerId}>
            <button type="button" className="link-button" onClick={() => openSellerProfile(c.sellerId)}>{seller.name}</button>
            <span className="team-builder-why">
              {[
                t(`team:level.${seller.level}`),
                ...(c.kindMatches ? [] : [t('builder.sittingIn')]),
                t('builder.load', { count: c.load }) + (c.overloaded ? ` (${t('builder.overloaded')})` : ''),
                c.ties.people > 0 ? t('builder.ties', { count: c.ties.people, strength: Math.round(c.ties.strength / c.ties.people) }) : t('builder.noTies'),
              ].join(' · ')}
            </span>
            <button type="button" className="team-builder-seat" onClick={() => teamCommands.seat(c.sellerId, seat)}>{t('builder.seat', { name: seller.name })}</button>
          </li>
        ))}
      </ol>
    </details>
  )
}
