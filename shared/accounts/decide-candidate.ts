import { MAX_ALIASES, type AccountFile, type AccountPerson } from './account-file'
import { mergeRelationships, unionContacts } from './carry-attributes'

export type CandidateDecision = { personId: string; decision: 'reject' } | { personId: string; decision: 'confirm'; matchId: string }

/** Two persons as one: the newer attributes, every card of both, relationships and contacts of both. */
function merged(keep: AccountPerson, gone: AccountPerson): AccountPerson {
  const [older, newer] = keep.updatedAt <= gone.updatedAt ? [keep, gone] : [gone, keep]
  const seen = new Set(keep.seenIn.map((r) => `${r.dealId}\u0000${r.stakeholderId}`))
  return {
    ...newer,
    id: keep.id,
    ...(newer.managerId ?? older.managerId ? { managerId: newer.managerId ?? older.managerId } : {}),
    relationships: mergeRelationships(older.relationships, newer.relationships),
    contacts: unionContacts(newer.contacts, older.contacts),
    seenIn: [...keep.seenIn, ...gone.seenIn.filter((r) => !seen.has(`${r.dealId}\u0000${r.stakeholderId}`))],
    // A card or a colleague's laptop that still names the other id finds the merge (docs/method.md, "One person, several ids").
    aliases: [...new Set([...(keep.aliases ?? []), ...(gone.aliases ?? []), gone.id])].slice(-MAX_ALIASES),
  }
}

/**
 * The user's answer to a candidate shown in the account view (docs/method.md, "Accounts"):
 * confirm merges the candidate into the chosen match (the match keeps its id, so cards that
 * already name it stay right; cards of the other take the match's id on their next open);
 * reject keeps both apart and the pair is never proposed again. Unknown ids change nothing.
 */
export function decideCandidate(account: AccountFile, decision: CandidateDecision): AccountFile {
  const candidate = account.candidates.find((c) => c.personId === decision.personId && c.status === 'open')
  if (!candidate) return account
  if (decision.decision === 'reject') {
    return { ...account, candidates: account.candidates.map((c) => (c === candidate ? { ...c, status: 'rejected' as const } : c)) }
  }
  if (!candidate.matchIds.includes(decision.matchId)) return account
  const gone = account.persons.find((p) => p.id === candidate.personId)
  const keep = account.persons.find((p) => p.id === decision.matchId)
  if (!gone || !keep) return account
  const one = merged(keep, gone)
  const persons = account.persons
    .filter((p) => p.id !== gone.id)
    .map((p) => (p.id === keep.id ? one : p.managerId === gone.id ? { ...p, managerId: keep.id } : p))
  const candidates = account.candidates
    .filter((c) => c !== candidate && c.personId !== gone.id)
    .map((c) => ({ ...c, matchIds: c.matchIds.filter((m) => m !== gone.id) }))
    .filter((c) => c.matchIds.length > 0)
  return { ...account, persons, candidates }
}
