import type { CSSProperties, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { RelationshipSummary } from '@shared/analysis'
import type { Deal, LinkKind, Seller, Stakeholder } from '@shared/model'

interface Props {
  deal: Deal
  person: Stakeholder
  roster: readonly Seller[]
  relationship?: RelationshipSummary
  ref?: Ref<HTMLElement>
  /** Where the caption sits, clear of the spotlit card (use-caption-placement). */
  style?: CSSProperties
}

type LineRole = `${LinkKind}-out` | 'reports-to-in' | 'influences-in'

/** Who this person is, who they are joined to and who owns them, in large type. */
export function MeetingCaption({ deal, person, roster, relationship, ref, style }: Props) {
  const { t } = useTranslation(['meeting', 'map'])
  const names = new Map(deal.stakeholders.map((s) => [s.id, s.name]))
  const sellers = new Map(roster.map((s) => [s.id, s.name]))
  const lines = new Map<LineRole, string[]>()
  const add = (role: LineRole, id: string) => lines.set(role, [...(lines.get(role) ?? []), names.get(id) ?? id])
  for (const l of deal.links) {
    if (l.from === person.id) add(`${l.kind}-out`, l.to)
    else if (l.to === person.id) {
      if (l.kind === 'reports-to' || l.kind === 'influences') add(`${l.kind}-in`, l.from)
      else add(`${l.kind}-out`, l.from)
    }
  }
  const owners = person.ownerIds.map((id) => sellers.get(id) ?? id)
  return (
    <section ref={ref} style={style} className="meeting-caption" aria-live="polite" data-testid="meeting-caption">
      <h2 className="meeting-caption-name">{person.name}</h2>
      <p className="meeting-caption-title">{[person.title, person.department].filter(Boolean).join(' · ')}</p>
      <p className="meeting-caption-tags">
        <span className={`meeting-tag stance-${person.stance}`}>{t(`map:stance.${person.stance}`)}</span>
        <span className="meeting-tag">{t(`map:buyingRole.${person.buyingRole}`)}</span>
        <span className="meeting-tag">{t('influence', { level: t(`influenceLevel.${person.influence}`) })}</span>
        {person.innerCircle && <span className="meeting-tag">{t('innerCircle')}</span>}
      </p>
      <dl className="meeting-caption-facts">
        <dt>{t('owners')}</dt>
        <dd data-testid="meeting-owners">{owners.length ? owners.join(', ') : t('noOwner')}</dd>
        {relationship && (
          <>
            <dt>{t('relationship')}</dt>
            <dd>
              {t('strength', { strength: Math.round(relationship.strength), band: t(`band.${relationship.band}`) })}
              {relationship.stale && <span className="meeting-stale"> · {t('stale')}</span>}
            </dd>
          </>
        )}
        {[...lines.entries()].map(([role, people]) => (
          <div key={role} className="meeting-caption-line">
            <dt>{t(`line.${role}`)}</dt>
            <dd>{people.join(', ')}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
