import type { ImportPreview } from '../ipc'
import { sameId } from '../file-names'
import { LIMITS, type Deal, type DealFile, type Seller } from '../model'
import { remapSellers } from './remap-sellers'

export interface ImportPlan {
  preview: ImportPreview
  /** The deal as it will be stored: new id when copied, seller ids mapped onto the roster. */
  deal: Deal
  /** Sellers from the file not matched to anyone on the roster, to be added to it. */
  newSellers: Seller[]
}

const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase()

/**
 * Decide how a deal file joins the workspace. Each seller in the file is matched to the
 * roster by email, then by name, else added (with a fresh id if its id is taken). Every
 * seller reference in the deal is rewritten to the matched id, so seats, owners,
 * relationships, contacts and actions stay consistent. Importing as a copy gives the deal
 * a new id so it never replaces the one already there; an id that differs from a stored
 * one only in case is that deal.
 */
const COPY_SUFFIX = ' (copy)'

export function planImport(file: DealFile, roster: readonly Seller[], existingDealIds: ReadonlySet<string>, asCopy: boolean, newId: () => string, copySuffix = COPY_SUFFIX): ImportPlan {
  // Ids equal under case folding are one deal (they name one file; shared/file-names.ts).
  const existingId = [...existingDealIds].find((id) => sameId(id, file.deal.id))
  const exists = existingId !== undefined
  const takenIds = new Set(roster.map((s) => s.id))
  const idMap = new Map<string, string>()
  const sellers: ImportPreview['sellers'] = []
  const newSellers: Seller[] = []

  for (const seller of file.roster) {
    const byEmail = seller.email ? roster.find((r) => r.email && norm(r.email) === norm(seller.email)) : undefined
    const byName = byEmail ? undefined : roster.find((r) => norm(r.name) === norm(seller.name))
    const match = byEmail ?? byName
    if (match) {
      idMap.set(seller.id, match.id)
      sellers.push({ id: seller.id, name: seller.name, match: byEmail ? 'email' : 'name', rosterId: match.id })
      continue
    }
    const id = takenIds.has(seller.id) ? newId() : seller.id
    takenIds.add(id)
    idMap.set(seller.id, id)
    newSellers.push({ ...seller, id })
    sellers.push({ id: seller.id, name: seller.name, match: 'new' })
  }

  const copying = exists && asCopy
  // A copy gets its own id and a name that tells it apart in the deals list.
  // Replacing keeps the stored id's spelling, so the index row and the file stay one deal.
  const dealId = copying ? newId() : (existingId ?? file.deal.id)
  const name = copying ? copyName(file.deal.name, copySuffix) : file.deal.name
  const deal = remapSellers({ ...file.deal, id: dealId, name }, (id) => idMap.get(id) ?? id)
  const preview: ImportPreview = {
    deal: { id: file.deal.id, name: file.deal.name, customer: file.deal.customer, stakeholders: deal.stakeholders.length, links: deal.links.length, seats: deal.team.length },
    exists,
    sellers,
  }
  return { preview, deal, newSellers }
}

function copyName(name: string, suffix: string): string {
  return name.slice(0, LIMITS.shortText - suffix.length) + suffix
}
