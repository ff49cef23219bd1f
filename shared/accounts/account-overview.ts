import { accountCoverage, BAND_THRESHOLDS, isKeyPlayer, scoreRelationship, stakeholderStrength, type AccountCoverage, type ScoreOptions } from '../analysis'
import { departmentKey } from '../departments'
import { CLOSED_STAGES, type Deal, type Link, type Stakeholder } from '../model'
import type { AccountFile, AccountPerson } from './account-file'

/** A deal of the account as the view lists it. */
export interface AccountDeal {
  id: string
  name: string
  stage: Deal['stage']
  open: boolean
  amount: Deal['amount']
  closeDate: string | null
  people: number
}

export interface AccountDepartment {
  name: string
  people: number
  /** Our sellers with a workable or strong relationship with someone in it. */
  reachedBy: string[]
}

export interface WhoKnowsWhom {
  personId: string
  name: string
  key: boolean
  /** The seller with the strongest relationship across the account's deals; absent when nobody has one. */
  sellerId?: string
  strength: number
}

export interface AccountOverview {
  accountId: string
  customer: string
  people: number
  coverage: AccountCoverage
  departments: AccountDepartment[]
  deals: AccountDeal[]
  /** Strongest relationship per person, key people first, then by strength. */
  whoKnowsWhom: WhoKnowsWhom[]
  /** person × seller relationship totals (0–100), for the heatmap. */
  heatmap: Array<{ personId: string; sellerId: string; total: number }>
  /** The account as one map: a card per person, reports-to between persons (for the org chart). */
  map: Pick<Deal, 'stakeholders' | 'links'>
  /** Persons on no deal's map any more (only the account knows them). */
  accountOnly: number
  candidates: AccountFile['candidates']
}

const newestFirst = (a: Pick<Deal, 'updatedAt'>, b: Pick<Deal, 'updatedAt'>) => ((a.updatedAt ?? '') < (b.updatedAt ?? '') ? 1 : (a.updatedAt ?? '') > (b.updatedAt ?? '') ? -1 : 0)

/**
 * The account as one map (docs/method.md, "Accounts"): each person is one card with their
 * person-scoped attributes from the account and the deal-scoped ones from the newest open
 * deal that has them (else the newest deal), so the per-deal scorers (accountCoverage,
 * stakeholderStrength, scoreRelationship) score the account without a second analysis.
 */
export function accountAsDeal(account: AccountFile, deals: readonly Deal[]): Pick<Deal, 'stakeholders' | 'links'> {
  const ordered = [...deals].sort((a, b) => Number(CLOSED_STAGES.includes(a.stage)) - Number(CLOSED_STAGES.includes(b.stage)) || newestFirst(a, b))
  const cardOf = new Map<string, Stakeholder>()
  for (const deal of ordered) for (const s of deal.stakeholders) cardOf.set(`${deal.id}\u0000${s.id}`, s)
  const dealRank = new Map(ordered.map((d, i) => [d.id, i]))
  const stakeholders = account.persons.map((p): Stakeholder => {
    const cards = [...p.seenIn]
      .filter((r) => dealRank.has(r.dealId))
      .sort((a, b) => dealRank.get(a.dealId)! - dealRank.get(b.dealId)!)
      .map((r) => cardOf.get(`${r.dealId}\u0000${r.stakeholderId}`))
      .filter((c): c is Stakeholder => c !== undefined)
    return {
      id: p.id, personId: p.id, name: p.name || '?', title: p.title, department: p.department, ...(p.email ? { email: p.email } : {}),
      ...dealScopedAcross(cards), relationships: p.relationships, contacts: p.contacts, position: { x: 0, y: 0 },
    }
  })
  const ids = new Set(account.persons.map((p) => p.id))
  const links: Link[] = account.persons
    .filter((p) => p.managerId && p.managerId !== p.id && ids.has(p.managerId))
    .map((p) => ({ id: `rt-${p.id}`, from: p.id, to: p.managerId!, kind: 'reports-to' }))
  return { stakeholders, links }
}

const INFLUENCE_RANK = { high: 3, medium: 2, low: 1 } as const

/**
 * The deal-scoped attributes the account view judges a person by, over their cards (newest
 * open deal first): what is known wins over "unknown" (a card just added to a new deal does
 * not make the CIO a stranger), the highest influence counts, inner circle in any deal counts.
 */
function dealScopedAcross(cards: readonly Stakeholder[]): Pick<Stakeholder, 'buyingRole' | 'influence' | 'innerCircle' | 'stance' | 'ownerIds' | 'notes'> {
  const known = <T>(pick: (c: Stakeholder) => T, unknown: T) => cards.map(pick).find((v) => v !== unknown) ?? unknown
  const influence = cards.reduce<Stakeholder['influence']>((best, c) => (INFLUENCE_RANK[c.influence] > INFLUENCE_RANK[best] ? c.influence : best), cards[0]?.influence ?? 'medium')
  return {
    buyingRole: known((c) => c.buyingRole, 'unknown'),
    stance: known((c) => c.stance, 'unknown'),
    influence,
    innerCircle: cards.some((c) => c.innerCircle),
    ownerIds: [...new Set(cards.flatMap((c) => c.ownerIds))].slice(0, 100),
    notes: known((c) => c.notes.trim(), ''),
  }
}

function isOnSomeDeal(p: AccountPerson, dealIds: ReadonlySet<string>): boolean {
  return p.seenIn.some((r) => dealIds.has(r.dealId))
}

/** Everything the account view, the deck's account slide and `war-room account` show. */
export function accountOverview(account: AccountFile, deals: readonly Deal[], options: ScoreOptions): AccountOverview {
  const map = accountAsDeal(account, deals)
  const strengths = new Map(map.stakeholders.map((s) => [s.id, stakeholderStrength(s, options)]))
  const departments = new Map<string, AccountDepartment>()
  const heatmap: AccountOverview['heatmap'] = []
  for (const s of map.stakeholders) {
    const totals = s.relationships.map((r) => ({ personId: s.id, sellerId: r.sellerId, total: scoreRelationship(r, s, options).total }))
    heatmap.push(...totals)
    const key = departmentKey(s.department)
    if (key === '') continue
    const dept = departments.get(key) ?? { name: s.department.trim(), people: 0, reachedBy: [] }
    dept.people++
    for (const h of totals) if (h.total >= BAND_THRESHOLDS.workable && !dept.reachedBy.includes(h.sellerId)) dept.reachedBy.push(h.sellerId)
    departments.set(key, dept)
  }
  const whoKnowsWhom = map.stakeholders.map((s): WhoKnowsWhom => {
    const st = strengths.get(s.id)!
    return { personId: s.id, name: s.name, key: isKeyPlayer(s), ...(st.bestSellerId ? { sellerId: st.bestSellerId } : {}), strength: st.strength }
  }).sort((a, b) => Number(b.key) - Number(a.key) || b.strength - a.strength || a.name.localeCompare(b.name, 'en'))
  const dealIds = new Set(deals.map((d) => d.id))
  return {
    accountId: account.id,
    customer: account.customer,
    people: account.persons.length,
    coverage: accountCoverage(map, strengths),
    departments: [...departments.values()].sort((a, b) => b.people - a.people || a.name.localeCompare(b.name, 'en')),
    deals: [...deals].sort((a, b) => Number(CLOSED_STAGES.includes(a.stage)) - Number(CLOSED_STAGES.includes(b.stage)) || newestFirst(a, b)).map((d) => ({
      id: d.id, name: d.name, stage: d.stage, open: !CLOSED_STAGES.includes(d.stage), amount: d.amount, closeDate: d.closeDate, people: d.stakeholders.length,
    })),
    whoKnowsWhom,
    heatmap,
    map,
    accountOnly: account.persons.filter((p) => !isOnSomeDeal(p, dealIds)).length,
    candidates: account.candidates.filter((c) => c.status === 'open'),
  }
}
