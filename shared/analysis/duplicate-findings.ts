import type { Deal } from '../model'
import type { Finding } from './findings'

/** How two emails are the same address: case and surrounding space do not count. */
const emailKey = (email: string): string => email.trim().toLowerCase()

/**
 * Two cards with the same email are probably one person added twice (two colleagues offline,
 * docs/collaboration.md "Conflict rules"). Both stay on the map until someone decides: the
 * finding names the card to keep (the first on the map) and the other, which is what the
 * `merge-people` command takes (`keepId` = stakeholderIds[0], `mergeId` = stakeholderIds[1]).
 */
export function duplicateFindings(deal: Pick<Deal, 'stakeholders'>): Finding[] {
  const first = new Map<string, Deal['stakeholders'][number]>()
  const findings: Finding[] = []
  for (const s of deal.stakeholders) {
    if (s.email === undefined || s.email.trim() === '') continue
    const key = emailKey(s.email)
    const keep = first.get(key)
    if (!keep) {
      first.set(key, s)
      continue
    }
    findings.push({
      code: 'possible-duplicate',
      severity: 'warning',
      stakeholderIds: [keep.id, s.id],
      params: { stakeholderName: keep.name, otherName: s.name, email: s.email.trim() },
      message: `${keep.name} and ${s.name} have the same email (${s.email.trim()}): they may be one person added twice.`,
      nextStep: `Merge the two cards if they are one person: ${s.name}'s lines, contacts and actions move to ${keep.name}.`,
    })
  }
  return findings
}
