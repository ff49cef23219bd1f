import type { Deal, Stakeholder } from '../model'
import type { Finding } from './findings'

/** Roles whose missing person can decide the deal without us: worth a warning, not a note. */
const DECIDING_ROLES = new Set<Stakeholder['buyingRole']>(['decision-maker', 'approver'])

/**
 * Seats on the map with no person found yet ("who is the COO?"): each is a question for the
 * coach. A deciding seat left empty is a warning, as an unknown decision maker is.
 */
export function placeholderFindings(deal: Pick<Deal, 'stakeholders'>): Finding[] {
  return deal.stakeholders.filter((s) => s.placeholder).map(seatNotIdentified)
}

function seatNotIdentified(s: Stakeholder): Finding {
  const seat = [s.title.trim(), s.department.trim()].filter(Boolean).join(', ')
  const role = s.buyingRole === 'unknown' ? 'person' : s.buyingRole.replace('-', ' ')
  return {
    code: 'seat-not-identified',
    severity: DECIDING_ROLES.has(s.buyingRole) ? 'warning' : 'info',
    stakeholderIds: [s.id],
    department: s.department.trim() || undefined,
    params: { buyingRole: s.buyingRole, seatName: seat },
    message: `The ${role}${seat ? ` (${seat})` : ''} is not yet identified.`,
    nextStep: 'Ask your coach who holds this seat, and put their name on the card.',
  }
}
