import { ROLES, type Deal, type Role, type Seller, type SellerKind } from '../model'
import { LEVEL_RANK, ROLE_OF_SEAT, SEAT_OF_ROLE, masters } from '../method'
import { sortFindings, type Finding } from './findings'
import { isKeyPlayer, keyPlayerReason } from './key-players'
import type { KeyPeopleTies } from './key-people-ties'
import { isOpen, isOverloaded, openDealLoad } from './seller-load'
import { resolveSettings, type AnalysisSettings } from './settings'
import { teamMessages } from './team-messages'

export type TeamVerdict = 'covered' | 'at-risk' | 'gaps'

export interface SeatCheck {
  sellerId: string
  seat: SellerKind
  lead: boolean
  /** The seller's level has mastered the seat's role (false for a seller not in the roster). */
  qualified: boolean
  /** The seller's own kinds include the seat's kind (false: sitting in). */
  kindMatches: boolean
}

export interface RoleCoverage {
  /** At least one seat exists for the role. */
  covered: boolean
  seats: SeatCheck[]
}

export interface Suggestion {
  role: Role
  /**
   * Best first (the team builder, docs/growth.md#team-builder): qualified sellers only, whose
   * kind matches the seat first, then the lightest open-deal load, then the strongest existing
   * relationships with this account's key people, then higher level.
   */
  sellerIds: string[]
  /** The same sellers with why they rank where they do. */
  candidates: Candidate[]
}

export interface Candidate {
  sellerId: string
  kindMatches: boolean
  /** Open deals other than this one the seller sits on. */
  load: number
  /** Seating them here would put them over the open-deal limit. */
  overloaded: boolean
  /** Their relationships with this deal's key people, across the account's deals. */
  ties: KeyPeopleTies
}

const NO_TIES: KeyPeopleTies = { people: 0, strength: 0 }

export interface TeamCoverageOptions {
  /** Each seller's ties with the deal's key people (keyPeopleTies); none when not given. */
  ties?: ReadonlyMap<string, KeyPeopleTies>
}

export interface TeamCoverage {
  verdict: TeamVerdict
  roles: Record<Role, RoleCoverage>
  findings: Finding[]
  suggestions: Suggestion[]
}

/** Suggestions list at most this many sellers per role. */
export const SUGGESTION_LIMIT = 5

type DealForTeam = Pick<Deal, 'id' | 'stage' | 'team' | 'stakeholders'>

/**
 * The team check (docs/method.md#team-coverage): for control, support and attack, who sits
 * the seat, whether their level has mastered it, who carries too much, and who could fill a
 * gap. `openDeals` are the workspace's other open deals, used only to count each seller's load.
 */
export function analyzeTeamCoverage(
  deal: DealForTeam,
  roster: readonly Seller[],
  openDeals: readonly Pick<Deal, 'id' | 'stage' | 'team'>[],
  settings?: AnalysisSettings,
  options: TeamCoverageOptions = {},
): TeamCoverage {
  const { maxOpenDealsPerSeller } = resolveSettings(settings)
  const sellers = new Map(roster.map((s) => [s.id, s]))
  const load = openDealLoad(deal, openDeals)
  const nameOf = (id: string) => sellers.get(id)?.name ?? id
  const findings: Finding[] = []

  const roles = Object.fromEntries(ROLES.map((r) => [r, { covered: false, seats: [] as SeatCheck[] }])) as Record<Role, RoleCoverage>
  const rolesBySeller = new Map<string, Set<Role>>()
  for (const seat of deal.team) {
    const role = ROLE_OF_SEAT[seat.seat]
    const seller = sellers.get(seat.sellerId)
    const check: SeatCheck = {
      sellerId: seat.sellerId,
      seat: seat.seat,
      lead: seat.lead,
      qualified: seller ? masters(seller.level, role) : false,
      kindMatches: seller ? seller.kinds.includes(seat.seat) : false,
    }
    roles[role].seats.push(check)
    roles[role].covered = true
    if (!rolesBySeller.has(seat.sellerId)) rolesBySeller.set(seat.sellerId, new Set())
    rolesBySeller.get(seat.sellerId)!.add(role)

    if (!seller) {
      findings.push(teamMessages.unknownSeller(seat.sellerId, role))
      continue
    }
    if (!check.qualified) findings.push(teamMessages.unqualifiedSeat(seller, role))
    if (!check.kindMatches) findings.push(teamMessages.seatKindMismatch(seller, role))
  }

  const suggestions: Suggestion[] = []
  for (const role of ROLES) {
    const needsSomeone = !roles[role].seats.some((s) => s.qualified)
    if (!needsSomeone) continue
    const candidates = suggestSellers(role, roster, roles[role].seats, { load, ties: options.ties, maxOpenDealsPerSeller, dealIsOpen: isOpen(deal) })
    const sellerIds = candidates.map((c) => c.sellerId)
    suggestions.push({ role, sellerIds, candidates })
    if (!roles[role].covered) findings.push(teamMessages.missingRole(role, sellerIds.map(nameOf)))
  }

  // A stretch beside a qualified colleague is how sellers learn; with no qualified seat at all
  // nobody on the team can play the game yet, which is as bad as an empty role.
  const seats = ROLES.flatMap((r) => roles[r].seats)
  if (seats.length > 0 && seats.every((s) => !s.qualified)) findings.push(teamMessages.noQualifiedSeat(seats.length))

  for (const [sellerId, held] of rolesBySeller) {
    if (!sellers.has(sellerId)) continue
    const name = nameOf(sellerId)
    if (held.size >= 2) findings.push(teamMessages.multiSeat(sellerId, name, [...held]))
    const soleHolderOf = [...held].filter((role) => roles[role].seats.every((s) => s.sellerId === sellerId))
    if (soleHolderOf.length >= 2) findings.push(teamMessages.singlePoint(sellerId, name, soleHolderOf))
    const openDealsSat = (load.get(sellerId) ?? 0) + (isOpen(deal) ? 1 : 0)
    if (isOverloaded(openDealsSat, maxOpenDealsPerSeller)) findings.push(teamMessages.overloaded(sellerId, name, openDealsSat, maxOpenDealsPerSeller))
  }

  for (const s of deal.stakeholders) {
    if (!s.placeholder && isKeyPlayer(s) && s.ownerIds.length === 0) findings.push(teamMessages.unownedKeyPlayer(s, keyPlayerReason(s)))
  }

  const sorted = sortFindings(findings)
  return { verdict: verdictOf(roles, sorted), roles, findings: sorted, suggestions }
}

function verdictOf(roles: Record<Role, RoleCoverage>, findings: readonly Finding[]): TeamVerdict {
  if (ROLES.some((r) => !roles[r].covered) || findings.some((f) => f.severity === 'error')) return 'gaps'
  if (findings.some((f) => f.severity === 'warning')) return 'at-risk'
  return 'covered'
}

interface RankingInputs {
  load: ReadonlyMap<string, number>
  ties?: ReadonlyMap<string, KeyPeopleTies>
  maxOpenDealsPerSeller: number
  dealIsOpen: boolean
}

function suggestSellers(role: Role, roster: readonly Seller[], seats: readonly SeatCheck[], inputs: RankingInputs): Candidate[] {
  const seat = SEAT_OF_ROLE[role]
  const already = new Set(seats.map((s) => s.sellerId))
  return roster
    .filter((s) => !s.archived && !already.has(s.id) && masters(s.level, role))
    .map((s) => {
      const load = inputs.load.get(s.id) ?? 0
      const candidate: Candidate = {
        sellerId: s.id,
        kindMatches: s.kinds.includes(seat),
        load,
        overloaded: isOverloaded(load + (inputs.dealIsOpen ? 1 : 0), inputs.maxOpenDealsPerSeller),
        ties: inputs.ties?.get(s.id) ?? NO_TIES,
      }
      return { s, candidate }
    })
    .sort(({ s: a, candidate: ca }, { s: b, candidate: cb }) =>
      Number(cb.kindMatches) - Number(ca.kindMatches)
      || ca.load - cb.load
      || cb.ties.people - ca.ties.people
      || cb.ties.strength - ca.ties.strength
      || LEVEL_RANK[b.level] - LEVEL_RANK[a.level]
      || a.name.localeCompare(b.name, 'en')
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, SUGGESTION_LIMIT)
    .map((c) => c.candidate)
}
