import { ROLES, type Deal, type Role, type Stakeholder } from '../model'
import { SEAT_OF_ROLE } from '../method'
import { addDays } from './dates'
import type { Finding, FindingCode, FindingParams } from './findings'
import type { StakeholderStrength } from './stakeholder-strength'

/**
 * A next action the insights panel proposes from a finding. Accepting it
 * turns it into a NextAction on `stakeholderId` (or a deal-level task when absent).
 */
export interface ProposedAction {
  /** Stable: the same finding on the same deal always proposes the same id. */
  id: string
  findingCode: FindingCode
  stakeholderId?: string
  /** i18n key of the action's wording; `params` fill it in. */
  whatKey: string
  params: FindingParams
  /** Plain English, at most 200 characters (fits NextAction.what). */
  what: string
  ownerId?: string
  due: string
}

/** How soon each kind of action is due, in days from today. */
export const ACTION_DUE_IN_DAYS: Partial<Record<FindingCode, number>> = {
  'missing-role': 7,
  'unowned-key-player': 7,
  'key-player-stale': 7,
  'opponent-high-influence': 7,
  'key-player-weak': 14,
  'decision-maker-unknown': 14,
  'no-coach': 30,
  'single-threaded': 30,
  'department-uncovered': 30,
}

interface Context {
  today: string
  deal: Pick<Deal, 'team' | 'stakeholders'>
  /** Each person's strength, in the order of `deal.stakeholders`. */
  strengths: readonly StakeholderStrength[]
}

const WHAT_LIMIT = 200
const clip = (s: string) => (s.length <= WHAT_LIMIT ? s : `${s.slice(0, WHAT_LIMIT - 1)}…`)

/** Proposes at most one action per finding, in the findings' order. Findings without a remedy the seller can schedule (e.g. multi-seat) propose none. */
export function proposeActions(findings: readonly Finding[], context: Context): ProposedAction[] {
  const named = peopleNamed(findings, context.deal.stakeholders, context.strengths)
  const leads = roleLeads(context.deal.team)
  const dueOn = new Map<number, string>()
  const actions: ProposedAction[] = []
  for (const f of findings) {
    const dueIn = ACTION_DUE_IN_DAYS[f.code]
    if (dueIn === undefined) continue
    // A handful of distinct due dates for any number of findings: each is worked out once.
    let due = dueOn.get(dueIn)
    if (due === undefined) dueOn.set(dueIn, (due = addDays(context.today, dueIn)))
    const personId = personIdOf(f)
    const found = personId ? named.get(personId) : undefined
    const person = found?.person
    const proposal = wordingFor(f, person)
    if (!proposal) continue
    const ownerId = ownerFor(f, found, leads)
    actions.push({
      id: `${f.code}:${person?.id ?? f.role ?? 'deal'}`,
      findingCode: f.code,
      ...(person ? { stakeholderId: person.id } : {}),
      whatKey: `insights.actions.${f.code}`,
      params: { ...f.params, ...(person ? { stakeholderName: person.name } : {}) },
      what: clip(proposal),
      ...(ownerId ? { ownerId } : {}),
      due,
    })
  }
  return actions
}

/** The person an action for `f` is about: a department's entry person, else the one person named. */
interface NamedPerson {
  person: Stakeholder
  strength: StakeholderStrength
}

function personIdOf(f: Finding): string | undefined {
  return f.code === 'department-uncovered' ? String(f.params.entryId) : f.stakeholderIds?.[0]
}

/**
 * The people the findings' actions are about, by id, found in one pass over the map: a big map
 * has a thousand people and a few dozen findings, so no index of everyone is built.
 */
function peopleNamed(findings: readonly Finding[], people: readonly Stakeholder[], strengths: readonly StakeholderStrength[]): Map<string, NamedPerson> {
  const wanted = new Set<string>()
  for (const f of findings) {
    if (ACTION_DUE_IN_DAYS[f.code] === undefined) continue
    const id = personIdOf(f)
    if (id) wanted.add(id)
  }
  const found = new Map<string, NamedPerson>()
  if (wanted.size === 0) return found
  for (let i = 0; i < people.length; i++) {
    // Should two cards share an id, the later one is kept, as a Map of the whole list kept it.
    if (wanted.has(people[i].id)) found.set(people[i].id, { person: people[i], strength: strengths[i] })
  }
  return found
}

function wordingFor(f: Finding, person: Stakeholder | undefined): string | undefined {
  const name = person?.name ?? ''
  switch (f.code) {
    case 'missing-role': return f.role ? `Seat a ${SEAT_OF_ROLE[f.role]} seller (${f.role})` : undefined
    case 'unowned-key-player': return person && `Assign an owner to ${name}`
    case 'key-player-stale': return person && `Get in touch with ${name}`
    case 'key-player-weak': return person && `Plan a one-to-one with ${name}`
    case 'opponent-high-influence': return person && `Plan how to answer ${name}'s concerns`
    case 'decision-maker-unknown': return 'Find out who makes the final decision'
    case 'no-coach': return 'Develop a coach inside the customer'
    case 'single-threaded': return 'Build a strong relationship with a second key player'
    case 'department-uncovered': return person && `Open a relationship in ${String(f.params.department)} with ${name}`
    default: return undefined
  }
}

/** The lead of each role's seat (or its first seat when no one is marked lead). */
function roleLeads(team: Deal['team']): Partial<Record<Role, string>> {
  const leads: Partial<Record<Role, string>> = {}
  for (const role of ROLES) {
    const seats = team.filter((t) => t.seat === SEAT_OF_ROLE[role])
    const lead = seats.find((t) => t.lead) ?? seats[0]
    if (lead) leads[role] = lead.sellerId
  }
  return leads
}

/**
 * Who should do it: for a person, the seller with the best relationship, else an owner, else
 * the account seller (control owns the relationships); a coach and an opponent are the
 * project seller's fight (attack); seating a role is the account seller's call.
 */
function ownerFor(f: Finding, found: NamedPerson | undefined, leads: Partial<Record<Role, string>>): string | undefined {
  if (f.code === 'no-coach' || f.code === 'opponent-high-influence') return leads.attack ?? leads.control
  if (f.code === 'unowned-key-player' || f.code === 'missing-role') return leads.control ?? leads.attack
  if (found) return found.strength.bestSellerId ?? found.person.ownerIds[0] ?? leads.control
  return leads.control ?? leads.attack
}
