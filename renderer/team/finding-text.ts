import type { TFunction } from 'i18next'
import type { Finding } from '@shared/analysis'
import { ROLES_MASTERED } from '@shared/method'
import { SELLER_LEVELS, type Role, type SellerKind, type SellerLevel } from '@shared/model'

/** "A, B and C" in the UI language. */
export function joinList(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items)
  } catch {
    return items.join(', ')
  }
}

const asString = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

/** The lowest level that has mastered a role (who to hire when no one on the roster fits). */
export function lowestLevelMastering(role: Role): SellerLevel {
  return SELLER_LEVELS.find((level) => ROLES_MASTERED[level].includes(role)) ?? 'top'
}

/**
 * A finding in plain words in the UI language, built from its stable `code` and `params`
 * (never from the English `message`, which is the CLI's text and the fallback).
 */
export function describeFinding(f: Finding, t: TFunction, language: string): { text: string; next?: string } {
  const p = f.params
  const role = (f.role ?? asString(p.role)) as Role
  const roleName = role ? t(`team:role.${role}`) : ''
  const seat = asString(p.seat) as SellerKind
  const values: Record<string, string | number> = {
    role: roleName,
    seat: seat ? t(`team:seat.${seat}`) : '',
    kind: seat ? t(`team:kind.${seat}`) : '',
    level: p.level ? t(`team:levelLower.${asString(p.level)}`) : '',
    name: asString(p.sellerName ?? p.stakeholderName),
    sellerId: asString(p.sellerId),
    count: typeof p.count === 'number' ? p.count : 0,
    roles: joinList(asList(p.roles).map((r) => t(`team:role.${r}`)), language),
    openDeals: asString(p.openDeals),
    limit: asString(p.limit),
    reason: p.reason ? t(`team:findings.reason.${asString(p.reason)}`, { defaultValue: asString(p.reason) }) : '',
    winsWith: role ? t(`team:winsWord.${role}`) : '',
  }
  const text = t(`team:findings.text.${f.code}`, { ...values, defaultValue: f.message })
  let nextKey = `team:findings.next.${f.code}`
  if (f.code === 'missing-role' && asList(p.suggestedNames).length === 0) {
    nextKey = 'team:findings.next.missing-role-none'
    values.level = t(`team:levelLower.${lowestLevelMastering(role)}`)
  }
  const next = t(nextKey, { ...values, defaultValue: f.nextStep ?? '' })
  return next ? { text, next } : { text }
}
