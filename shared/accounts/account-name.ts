/**
 * One customer is one account (docs/method.md, "Accounts"). Customer names are typed by
 * people, so "AT&T", "at&t " and the full-width "ＡＴ＆Ｔ" are one customer: NFKC folds
 * full-width and compatibility forms, the case is folded with a fixed locale (the machine's
 * would make "IT" and "ıt" differ under Turkish), and runs of white space are one space.
 */
export function normaliseCustomer(customer: string): string {
  return customer.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/gu, ' ').trim()
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * The account's id, which names its file `accounts/<id>.json`: a readable ASCII slug of the
 * normalised name (empty for "华夏银行") and 64 bits of hash, so ids are safe file names
 * (the Id alphabet) and equal exactly when the normalised names are equal (up to the hash).
 * Null for a blank customer: a deal with no customer belongs to no account.
 */
export function accountIdOf(customer: string): string | null {
  const key = normaliseCustomer(customer)
  if (key === '') return null
  const slug = key.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '')
  const hash = fnv1a(key, 0x811c9dc5) + fnv1a(key, 0x01000193)
  return slug === '' ? `acct-${hash}` : `acct-${slug}-${hash}`
}

/** A person's name or title as matching compares them: same folding as customers. */
export const normaliseWords = normaliseCustomer

/** Emails compare trimmed and case-folded (the local part is case-insensitive in practice). */
export function normaliseEmail(email: string | undefined): string {
  return (email ?? '').trim().toLocaleLowerCase('en')
}

/** The account's name as shown: the customer as the oldest of its deals spells it. */
export function displayCustomer(deals: ReadonlyArray<{ customer: string; updatedAt?: string }>, fallback: string): string {
  let oldest: { customer: string; updatedAt?: string } | undefined
  for (const d of deals) if (!oldest || (d.updatedAt ?? '') < (oldest.updatedAt ?? '')) oldest = d
  return (oldest?.customer ?? fallback).trim()
}
