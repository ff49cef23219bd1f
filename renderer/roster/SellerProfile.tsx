import { useTranslation } from 'react-i18next'
import { ROLES_MASTERED } from '@shared/method'
import { CLOSED_STAGES, type Seller } from '@shared/model'
import { useWorkspaceStore } from '../state/workspace-store'

/** What a seller brings: the roles their level has mastered, and the deals they sit on. */
export function SellerProfile({ seller }: { seller: Seller }) {
  const { t } = useTranslation('team')
  const deals = useWorkspaceStore((s) => s.deals)
  const limit = useWorkspaceStore((s) => s.settings.maxOpenDealsPerSeller)
  const mastered = ROLES_MASTERED[seller.level]
  const sitsOn = deals
    .map((d) => ({ deal: d, seats: (d.team ?? []).filter((seat) => seat.sellerId === seller.id) }))
    .filter((x) => x.seats.length > 0)
  const open = sitsOn.filter((x) => !CLOSED_STAGES.includes(x.deal.stage)).length
  return (
    <div className="seller-profile" data-testid="seller-profile">
      <h4>{t('roster.profile.mastered')}</h4>
      {mastered.length === 0 ? (
        <p className="profile-none">{t('roster.profile.masteredNone')}</p>
      ) : (
        <ul className="profile-roles" data-testid="profile-roles">
          {mastered.map((role) => (
            <li key={role} className={`profile-role role-${role}`}>
              <strong>{t(`role.${role}`)}</strong> · {t(`winsWith.${role}`)}
            </li>
          ))}
        </ul>
      )}
      <h4>
        {t('roster.profile.deals')}{' '}
        <span className={`profile-load${open > limit ? ' over' : ''}`}>({t('roster.profile.openDeals', { count: open })} / {limit})</span>
      </h4>
      {sitsOn.length === 0 ? (
        <p className="profile-none">{t('roster.profile.noDeals')}</p>
      ) : (
        <ul className="profile-deals" data-testid="profile-deals">
          {sitsOn.map(({ deal, seats }) => (
            <li key={deal.id}>
              <span className="profile-deal-name">{deal.name}</span>
              <span className="profile-deal-seats">
                {seats.map((s) => `${t(`seatTitle.${s.seat}`)}${s.lead ? ` (${t('roster.profile.lead')})` : ''}`).join(', ')}
              </span>
              <span className="profile-deal-stage">{t(`common:stage.${deal.stage}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
