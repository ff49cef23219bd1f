import { joinSpaced, type Translator } from '../i18n'
import type { Finding, FindingParams, Severity } from './findings'
import type { ProposedAction } from './proposed-actions'

/**
 * A translate function as i18next's `t` and the catalog's pure `translate()` both are:
 * a namespaced key (`insights:finding.no-coach.message`) and the values to fill in.
 */
/** The catalog's translate function (shared/i18n), or i18next's `t` in the page. */
export type Translate = Translator

export interface DescribedReason {
  code: Finding['code']
  severity: Severity
  text: string
  next?: string
}

export interface DescribedFinding {
  text: string
  next?: string
  /** A merged finding's reasons in words, most severe first; empty for a single finding. */
  reasons: DescribedReason[]
}

/** Params that are words of the method, translated through these groups of the catalog. */
const WORD_GROUPS: Record<string, string> = {
  reason: 'reason', role: 'role', seat: 'seat', level: 'level', winsWith: 'winsWith', stance: 'stance', band: 'band', buyingRole: 'buyingRole',
}

/** "A, B and C" in the catalog's language. */
export function joinWords(items: readonly string[], t: Translate): string {
  if (items.length <= 1) return items.join('')
  const comma = lookup(t, 'insights:list.comma', ', ')
  const pieces = items.slice(0, -1).flatMap((item, i) => (i === 0 ? [item] : [comma, item]))
  return joinSpaced([...pieces, lookup(t, 'insights:list.and', ' and '), items[items.length - 1]])
}

/**
 * One finding in plain words in the language of `t`, built from its stable code and params
 * (the English `message` is only the fallback for a code the catalog lacks). A merged finding
 * reads as the person's name with each reason in words.
 */
export function describeFinding(f: Finding, t: Translate): DescribedFinding {
  if (f.reasons && f.reasons.length > 1) {
    const name = typeof f.params.stakeholderName === 'string' ? f.params.stakeholderName : ''
    return {
      text: lookup(t, 'insights:finding.merged', `${name}:`, { stakeholderName: name, count: f.reasons.length }),
      reasons: f.reasons.map((r) => ({ code: r.code, severity: r.severity, ...describeOne(r, t) })),
    }
  }
  return { ...describeOne(f, t), reasons: [] }
}

/** A proposed action's wording, at most 200 characters (it becomes a NextAction). */
export function describeProposedAction(a: ProposedAction, t: Translate): string {
  return lookup(t, `insights:actions.${a.findingCode}`, a.what, localParams(a.params, t)).slice(0, 200)
}

function describeOne(f: Finding, t: Translate): { text: string; next?: string } {
  const values = localParams(f.params, t)
  const text = lookup(t, `insights:finding.${f.code}.${messageVariant(f)}`, f.message, values)
  const next = lookup(t, `insights:finding.${f.code}.${nextVariant(f)}`, f.nextStep ?? '', values)
  return next ? { text, next } : { text }
}

function messageVariant(f: Finding): string {
  if (f.code === 'key-player-weak' && f.params.band === 'none') return 'message_none'
  if (f.code === 'key-player-stale' && f.params.daysSinceContact === -1) return 'message_never'
  if (f.code === 'single-threaded' && f.params.strongCount === 0) return 'message_none'
  if (f.code === 'no-qualified-seat' && f.params.count === 1) return 'message_one'
  if (f.code === 'seat-not-identified' && !f.params.seatName) return 'message_noSeat'
  return 'message'
}

function nextVariant(f: Finding): string {
  if (f.code !== 'missing-role') return 'next'
  return Array.isArray(f.params.suggestedNames) && f.params.suggestedNames.length > 0 ? 'next_suggest' : 'next'
}

function localParams(params: FindingParams, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const words = value.map((v: string) => (key === 'roles' ? lookup(t, `insights:role.${v}`, v) : key === 'kinds' ? lookup(t, `insights:seat.${v}`, v) : v))
      out[key] = joinWords(words, t)
    } else if (typeof value === 'string') {
      const group = WORD_GROUPS[key]
      out[key] = group ? lookup(t, `insights:${group}.${value}`, value) : value
    } else {
      out[key] = value as number
    }
  }
  return out
}

/** The catalog's text for `key`, or `fallback` when the catalog has none (it echoes the key). */
function lookup(t: Translate, key: string, fallback: string, params: Record<string, unknown> = {}): string {
  const text = t(key, { ...params, defaultValue: fallback })
  const bare = key.slice(key.indexOf(':') + 1)
  return text === key || text === bare ? fallback : text
}
