import { SellerSchema, cleanSellerText, type Seller, type SellerKind, type SellerLevel } from '@shared/model'

/** What the form edits: text fields as typed (empty means "not given"). */
export interface SellerDraft {
  id: string
  name: string
  kinds: SellerKind[]
  level: SellerLevel
  email: string
  region: string
  notes: string
  archived?: boolean
}

export type SellerField = 'name' | 'kinds' | 'email' | 'region' | 'notes'
/** i18n keys under `team:roster.error`. */
export type FieldError = 'name' | 'kinds' | 'email' | 'tooLong'

export function draftOf(seller: Seller): SellerDraft {
  return {
    id: seller.id, name: seller.name, kinds: [...seller.kinds], level: seller.level,
    email: seller.email ?? '', region: seller.region ?? '', notes: seller.notes ?? '', archived: seller.archived,
  }
}

/**
 * A fresh seller id. `crypto.randomUUID` exists only in secure contexts, so fall back to
 * `getRandomValues` (available everywhere) where the page is served over plain http.
 */
export function newSellerId(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return `seller-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export function blankDraft(id: string): SellerDraft {
  return { id, name: '', kinds: ['account'], level: 'mid', email: '', region: '', notes: '' }
}

/** The seller the draft describes, its text cleaned; empty optional fields are left out. */
export function sellerOf(draft: SellerDraft): Seller {
  const d = cleanSellerText(draft)
  const seller: Seller = { id: d.id, name: d.name.trim(), kinds: d.kinds, level: d.level }
  if (d.email.trim()) seller.email = d.email.trim()
  if (d.region.trim()) seller.region = d.region.trim()
  if (d.notes.trim()) seller.notes = d.notes.trim()
  if (d.archived) seller.archived = true
  return seller
}

/** Field-level errors, from the same schema the store validates with. */
export function validateDraft(d: SellerDraft): Partial<Record<SellerField, FieldError>> {
  const errors: Partial<Record<SellerField, FieldError>> = {}
  if (!d.name.trim()) errors.name = 'name'
  if (d.kinds.length === 0) errors.kinds = 'kinds'
  const parsed = SellerSchema.safeParse(sellerOf(d))
  if (parsed.success) return errors
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SellerField
    if (errors[field]) continue
    if (field === 'email') errors.email = issue.code === 'too_big' ? 'tooLong' : 'email'
    else if (field === 'name') errors.name = issue.code === 'too_big' ? 'tooLong' : 'name'
    else if (field === 'kinds') errors.kinds = 'kinds'
    else if (field === 'region' || field === 'notes') errors[field] = 'tooLong'
  }
  return errors
}
