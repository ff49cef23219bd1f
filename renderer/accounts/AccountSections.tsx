import { useTranslation } from 'react-i18next'
import type { AccountOverview } from '@shared/accounts'
import { bandOf } from '@shared/analysis'
import type { Seller } from '@shared/model'
import { useAccountStore } from './account-store'

type SellerName = (id: string) => string

export function sellerNamer(roster: readonly Seller[]): SellerName {
  return (id) => roster.find((s) => s.id === id)?.name ?? id
}

export function DepartmentsReached({ overview, sellerName }: { overview: AccountOverview; sellerName: SellerName }) {
  const { t } = useTranslation('accounts')
  return (
    <section className="account-section" data-testid="account-departments">
      <h3>{t('departments')}</h3>
      <table>
        <thead><tr><th>{t('department')}</th><th>{t('peopleCount')}</th><th>{t('reachedBy')}</th></tr></thead>
        <tbody>
          {overview.departments.map((d) => (
            <tr key={d.name}><td>{d.name}</td><td>{d.people}</td><td>{d.reachedBy.length ? d.reachedBy.map(sellerName).join(', ') : <span className="muted">{t('nobody')}</span>}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function AccountDeals({ overview }: { overview: AccountOverview }) {
  const { t } = useTranslation('accounts')
  const { t: tc } = useTranslation('common')
  return (
    <section className="account-section" data-testid="account-deals">
      <h3>{t('dealsTitle')}</h3>
      <ul className="account-deals">
        {overview.deals.map((d) => (
          <li key={d.id} data-testid="account-deal">
            <span className={`account-deal-status status-${d.open ? 'open' : d.stage}`}>{t(`status.${d.open ? 'open' : d.stage}`)}</span>
            <span className="account-deal-name">{d.name}</span>
            <span className="muted">{tc(`stage.${d.stage}`)} · {t('people', { count: d.people })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function WhoKnowsWhom({ overview, sellerName }: { overview: AccountOverview; sellerName: SellerName }) {
  const { t } = useTranslation('accounts')
  return (
    <section className="account-section" data-testid="who-knows-whom">
      <h3>{t('whoKnowsWhom')}</h3>
      <p className="muted">{t('whoKnowsWhomHelp')}</p>
      <table>
        <thead><tr><th>{t('person')}</th><th>{t('bestSeller')}</th><th>{t('strength')}</th></tr></thead>
        <tbody>
          {overview.whoKnowsWhom.slice(0, 40).map((w) => (
            <tr key={w.personId} data-testid="who-knows-row">
              <td>{w.name}{w.key && <span className="account-key" title={t('key')}> ★</span>}</td>
              <td>{w.sellerId ? sellerName(w.sellerId) : <span className="muted">{t('nobody')}</span>}</td>
              <td><span className={`band band-${bandOf(w.strength)}`}>{w.strength}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function RelationshipHeatmap({ overview, sellerName }: { overview: AccountOverview; sellerName: SellerName }) {
  const { t } = useTranslation('accounts')
  const sellers = [...new Set(overview.heatmap.map((h) => h.sellerId))]
  const people = overview.map.stakeholders.filter((s) => s.relationships.length > 0)
  const cell = new Map(overview.heatmap.map((h) => [`${h.personId}\u0000${h.sellerId}`, h.total]))
  return (
    <section className="account-section" data-testid="account-heatmap">
      <h3>{t('heatmap')}</h3>
      {people.length === 0 ? <p className="muted">{t('noRelationships')}</p> : (
        <table className="account-heatmap">
          <thead><tr><th>{t('person')}</th>{sellers.map((s) => <th key={s}>{sellerName(s)}</th>)}</tr></thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                {sellers.map((s) => {
                  const total = cell.get(`${p.id}\u0000${s}`)
                  return <td key={s} className={total === undefined ? 'band-cell' : `band-cell band-${bandOf(total)}`} data-testid="heat-cell">{total ?? ''}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function LinkCandidates({ overview }: { overview: AccountOverview }) {
  const { t } = useTranslation('accounts')
  if (overview.candidates.length === 0) return null
  const person = new Map(overview.map.stakeholders.map((s) => [s.id, s]))
  const decide = useAccountStore.getState().decide
  return (
    <section className="account-section account-candidates" data-testid="account-candidates">
      <h3>{t('candidates')}</h3>
      <p className="muted">{t('candidatesHelp')}</p>
      <ul>
        {overview.candidates.map((c) => {
          const p = person.get(c.personId)
          if (!p) return null
          return (
            <li key={c.personId} data-testid="account-candidate">
              <p>{c.matchIds.length === 1 ? t('candidateOne', { name: p.name, title: p.title }) : t('ambiguous', { name: p.name, title: p.title, count: c.matchIds.length })}</p>
              {c.matchIds.map((m) => {
                const match = person.get(m)
                return match && (
                  <button key={m} type="button" onClick={() => void decide({ personId: c.personId, decision: 'confirm', matchId: m })}>
                    {t('confirm', { name: [match.name, match.department].filter(Boolean).join(', ') })}
                  </button>
                )
              })}
              <button type="button" onClick={() => void decide({ personId: c.personId, decision: 'reject' })}>{t('reject')}</button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
