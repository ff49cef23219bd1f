import { z } from 'zod'
import { LinkSchema, StakeholderSchema, newId, type Link, type Stakeholder } from '@shared/model'

/**
 * Copy/paste of cards as JSON with our own marker, so a paste from another app (or a
 * tampered clipboard) is recognised as foreign and ignored.
 */
export const CLIPBOARD_MARKER = 'deal-war-room/stakeholders'

const ClipboardSchema = z.strictObject({
  marker: z.literal(CLIPBOARD_MARKER),
  version: z.literal(1),
  stakeholders: z.array(StakeholderSchema).min(1).max(5000),
  links: z.array(LinkSchema).max(20000),
})
export type ClipboardPayload = z.infer<typeof ClipboardSchema>

export function toClipboard(stakeholders: readonly Stakeholder[], links: readonly Link[]): ClipboardPayload {
  const ids = new Set(stakeholders.map((s) => s.id))
  return {
    marker: CLIPBOARD_MARKER,
    version: 1,
    stakeholders: [...stakeholders],
    links: links.filter((l) => ids.has(l.from) && ids.has(l.to)),
  }
}

/** Our payload, or null for anything else (plain text, other JSON, invalid cards). */
export function parseClipboard(text: string): ClipboardPayload | null {
  if (!text || text.length > 20 * 1024 * 1024 || !text.includes(CLIPBOARD_MARKER)) return null
  try {
    const parsed = ClipboardSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Fresh copies ready to add to a deal: new ids, lines re-pointed, owners that this
 * workspace does not know dropped, relationships of unknown sellers dropped.
 */
export function cloneForPaste(payload: Pick<ClipboardPayload, 'stakeholders' | 'links'>, knownSellerIds: ReadonlySet<string>): { stakeholders: Stakeholder[]; links: Link[] } {
  const idMap = new Map(payload.stakeholders.map((s) => [s.id, newId()]))
  const stakeholders = payload.stakeholders.map((s) => ({
    ...s,
    id: idMap.get(s.id)!,
    ownerIds: s.ownerIds.filter((id) => knownSellerIds.has(id)),
    relationships: s.relationships.filter((r) => knownSellerIds.has(r.sellerId)),
    contacts: s.contacts.filter((c) => knownSellerIds.has(c.sellerId)),
    ...(s.actions ? { actions: s.actions.map((a) => ({ ...a, id: newId(), ...(a.ownerId && !knownSellerIds.has(a.ownerId) ? { ownerId: undefined } : {}) })) } : {}),
  }))
  const links = payload.links.map((l) => ({ ...l, id: newId(), from: idMap.get(l.from)!, to: idMap.get(l.to)! }))
  return { stakeholders, links }
}
