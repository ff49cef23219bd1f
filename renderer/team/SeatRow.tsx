import { useTranslation } from 'react-i18next'
import { joinWords, type SeatCheck } from '@shared/analysis'
import { ROLE_OF_SEAT, ROLES_MASTERED } from '@shared/method'
import type { Role, Seller } from '@shared/model'
import { SellerChip } from './SellerChip'
import { teamCommands } from './seat-operations'
import { openSellerProfile } from '../growth'

/** One person in a lane: qualified or a stretch (and why), sitting in, twin souls, lead, remove. */
export function SeatRow({ check, seller, otherRoles }: { check: SeatCheck; seller: Seller | undefined; otherRoles: Role[] }) {
  const { t } = useTranslation('team')
  const role = ROLE_OF_SEAT[check.seat]
  const name = seller?.name ?? check.sellerId
  const list = (items: string[]) => joinWords(items, t)
  const mastered = seller ? ROLES_MASTERED[seller.level] : []
  const level = seller ? t(`levelLower.${seller.level}`) : ''
  const why = !seller
    ? t('seatRow.unknown')
    : check.qualified
      ? t('seatRow.qualifiedWhy', { level, role: t(`role.${role}`) })
      : t('seatRow.stretchWhy', {
        level,
        role: t(`role.${role}`),
        mastered: mastered.length ? t('seatRow.mastered', { roles: list(mastered.map((r) => t(`role.${r}`))) }) : t('seatRow.masteredNone'),
      })
  return (
    <li className={`seat-row${check.qualified ? ' qualified' : ' stretch'}`} data-testid="seat" data-seller-id={check.sellerId} data-qualified={check.qualified}>
      <div className="seat-main">
        {seller ? <SellerChip seller={seller} compact /> : <span className="seller-chip unknown">{name}</span>}
        <button
          type="button"
          className={`seat-lead${check.lead ? ' on' : ''}`}
          aria-pressed={check.lead}
          data-testid="seat-lead"
          title={check.lead ? t('seatRow.unmakeLead', { name }) : t('seatRow.makeLead', { name })}
          aria-label={check.lead ? t('seatRow.unmakeLead', { name }) : t('seatRow.makeLead', { name })}
          onClick={() => teamCommands.toggleLead(check.sellerId, check.seat)}
        >
          {check.lead ? `★ ${t('seatRow.lead')}` : '☆'}
        </button>
        {seller && (
          <button type="button" className="seat-profile ghost" data-testid="seat-profile" title={t('growth:openTitle', { name })} aria-label={t('growth:openTitle', { name })}
            onClick={() => openSellerProfile(seller.id)}>
            ⓘ
          </button>
        )}
        <button
          type="button"
          className="seat-remove ghost"
          data-testid="seat-remove"
          aria-label={t('seatRow.remove', { name, seat: t(`seat.${check.seat}`) })}
          title={t('seatRow.remove', { name, seat: t(`seat.${check.seat}`) })}
          onClick={() => teamCommands.remove(check.sellerId, check.seat)}
        >
          ×
        </button>
      </div>
      <div className="seat-detail">
        <span className={`seat-status ${check.qualified ? 'ok' : 'stretch'}`} title={why} data-testid="seat-status">
          {check.qualified ? '✓' : '△'} {seller ? `${t(`level.${seller.level}`)} · ` : ''}{check.qualified ? t('seatRow.qualified') : t('seatRow.stretch')}
        </span>
        {!check.qualified && <span className="seat-why">{why}</span>}
      </div>
      {seller && !check.kindMatches && (
        <p className="seat-note">ⓘ {t('seatRow.sittingIn', { kinds: list(seller.kinds.map((k) => t(`kind.${k}`))) })}</p>
      )}
      {otherRoles.length > 0 && (
        <p className="seat-note twin">⚠ {t('seatRow.twinSouls', { roles: list(otherRoles.map((r) => t(`role.${r}`))) })}</p>
      )}
    </li>
  )
}
