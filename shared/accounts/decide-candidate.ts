import { MAX_ALIASES, type AccountFile, type AccountPerson } from './account-file'
import { mergeRelationships, unionContacts } from './carry-attributes'
import { personsById } from './person-ids'

export type CandidateDecision = { personId: string; decision: 'reject' } | { personId: string; decision: 'confirm'; matchId: string }

/** Two persons as one: the newer attributes, every card of both, relationships and contacts of both. */
function merged(keep: AccountPerson, gone: AccountPerson): AccountPerson {
  const id = keep.id < gone.id ? keep.id : gone.id
  const [older, newer] = keep.updatedAt <= gone.updatedAt ? [keep, gone] : [gone, keep]
  const seen = new Set(keep.seenIn.map((r) => `${r.dealId}\u0000${r.stakeholderId}`))
  return {
    ...newer,
    // The smaller id of the two, as a colleague's laptop that learns of both keeps it
    // (docs/method.md, "One person, several ids"): else each open relinks the cards back and forth.
    id,
    ...(newer.managerId ?? older.managerId ? { managerId: newer.managerId ?? older.managerId } : {}),
    relationships: mergeRelationships(older.relationships, newer.relationships),
    contacts: unionContacts(newer.contacts, older.contacts),
    seenIn: [...keep.seenIn, ...gone.seenIn.filter((r) => !seen.has(`${r.dealId}\u0000${r.stakeholderId}`))],
    // A card or a colleague's laptop that still names the other id finds the merge (docs/method.md, "One person, several ids").
    aliases: [...new Set([...(keep.aliases ?? []), ...(gone.aliases ?? []), keep.id, gone.id])].filter((a) => a !== id).slice(-MAX_ALIASES),
  }
}

/** The merge of a person and their manager reports to no one (not to themselves). */
function withoutSelfManager(p: AccountPerson): AccountPerson {
  if (p.managerId === undefined || (p.managerId !== p.id && !(p.aliases ?? []).includes(p.managerId))) return p
  const { managerId: _, ...rest } = p
  return rest
}

/**
 * The user's answer to a candidate shown in the account view (docs/method.md, "Accounts"):
 * confirm merges the candidate into the chosen match under the smaller of their two ids, the
 * other kept as an alias (docs/method.md, "One person, several ids"): cards naming either find
 * the merge, and those naming the alias take the id on their next open;
 * reject keeps both apart and the pair is never proposed again. Unknown ids change nothing.
 */
export function decideCandidate(account: AccountFile, decision: CandidateDecision): AccountFile {
  // The account view may show ids from before a rename (a colleague's smaller id came in since): they are aliases now.
  const byId = personsById(account.persons)
  const own = (id: string) => byId.get(id)?.id ?? id
  const personId = own(decision.personId)
  const candidate = account.candidates.find((c) => c.personId === personId && c.status === 'open')
  if (!candidate) return account
  if (decision.decision === 'reject') {
    return { ...account, candidates: account.candidates.map((c) => (c === candidate ? { ...c, status: 'rejected' as const } : c)) }
  }
  const matchId = own(decision.matchId)
  if (!candidate.matchIds.includes(matchId)) return account
  const gone = account.persons.find((p) => p.id === candidate.personId)
  const keep = account.persons.find((p) => p.id === matchId)
  if (!gone || !keep) return account
  const one = merged(keep, gone)
  const to = (id: string) => (id === gone.id || id === keep.id ? one.id : id)
  const persons = account.persons
    .filter((p) => p.id !== gone.id)
    .map((p) => (p.id === keep.id ? withoutSelfManager(one) : p.managerId !== undefined && p.managerId !== to(p.managerId) ? { ...p, managerId: to(p.managerId) } : p))
  const candidates = account.candidates
    .filter((c) => c !== candidate && c.personId !== gone.id)
    .map((c) => ({ ...c, personId: to(c.personId), matchIds: c.matchIds.filter((m) => m !== gone.id).map(to) }))
    .filter((c) => c.matchIds.length > 0)
  return { ...account, persons, candidates }
}
