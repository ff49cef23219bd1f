import type { Change } from '../changes'
import type { Deal } from '../model'
import { entryCovers } from './change-targets'
import { fieldTarget, seatKey, type ChangeEntry } from './schema'

/** Change kinds about the deal's own facts (the `deal` target of the log). */
const DEAL_FACTS: ReadonlySet<Change['kind']> = new Set(['stage-changed', 'amount-changed', 'close-date-changed'])

/** The person's field each change of one person is about. */
const FIELD_OF: Partial<Record<Change['kind'], string>> = {
  'stance-changed': 'stance', 'buying-role-changed': 'buyingRole', 'influence-changed': 'influence',
  'inner-circle-changed': 'innerCircle', 'department-changed': 'department', renamed: 'name', 'title-changed': 'title',
  'owner-added': 'ownerIds', 'owner-removed': 'ownerIds', 'relationship-changed': 'relationships', 'contacts-logged': 'contacts',
}

/**
 * Who made a change between two versions of a shared deal: the authors of the log entries
 * (made between those versions, `changeLogBetween`) that wrote what the change is about, down
 * to the person's field when the entry names it. Findings are the analysis's reading of the edits, nobody's edit, so they name nobody.
 * Names come in the order of their first entry, each once; an author without a name is
 * named by email (docs/collaboration.md, "Snapshots and authors").
 */
export function authorsOfChange(change: Change, entries: readonly ChangeEntry[], versions: { before: Deal; after: Deal }): string[] {
  const wanted = targetsOf(change, versions)
  if (wanted.size === 0) return []
  const field = FIELD_OF[change.kind]
  const names: string[] = []
  for (const entry of entries) {
    if (!entry.targets.some((t) => wanted.has(t))) continue
    // An entry that names the fields it wrote counts only for those; one that names only the
    // person (written before fields were logged, or a whole-deal replace past the target cap) for all.
    // The server's rule for what an entry covers (change-targets.ts), so who is named is who wrote it.
    if (field && change.stakeholderIds.some((id) => entry.targets.includes(id) && !entryCovers(entry, fieldTarget(id, field)))) continue
    const name = entry.author.name.trim() || entry.author.email.trim()
    if (name && !names.includes(name)) names.push(name)
  }
  return names
}

/** The log targets (docs/collaboration.md, "The change log") a change is made of. */
function targetsOf(change: Change, { before, after }: { before: Deal; after: Deal }): Set<string> {
  if (change.kind === 'finding-new' || change.kind === 'finding-resolved') return new Set()
  if (DEAL_FACTS.has(change.kind)) return new Set(['deal'])
  if (change.kind === 'seat-added' || change.kind === 'seat-removed' || change.kind === 'seat-lead-changed') {
    return new Set(change.sellerIds.map((id) => `seat:${seatKey(id, change.params.seat)}`))
  }
  if (change.kind === 'line-added' || change.kind === 'line-removed') {
    const [from, to] = change.stakeholderIds
    const lines = change.kind === 'line-added' ? after.links : before.links
    return new Set(lines.filter((l) => l.from === from && l.to === to && l.kind === change.params.lineKind).map((l) => `link:${l.id}`))
  }
  return new Set(change.stakeholderIds)
}
