import type { TFunction } from 'i18next'
import type { Finding, FindingParams, ProposedAction } from '@shared/analysis'
import { i18next } from '../i18n'

/**
 * Findings in the UI language: the sentence is chosen by code (and a variant for special
 * cases), the params are translated where they are words (role, seat, reason…). Unknown
 * codes fall back to the analysis's English sentence.
 */
type T = TFunction<'insights'>

function list(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(i18next.language || 'en', { style: 'long', type: 'conjunction' }).format(items)
  } catch {
    return items.join(', ')
  }
}

export function localParams(params: FindingParams, t: T): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      const words = value.map((v: string) => (key === 'roles' ? t(`role.${v}`) : key === 'kinds' ? t(`seat.${v}`) : v))
      out[key] = list(words)
    } else if (typeof value === 'string') {
      const group = WORD_GROUPS[key]
      out[key] = group ? t(`${group}.${value}`, { defaultValue: value }) : value
    } else {
      out[key] = value as number
    }
  }
  return out
}

const WORD_GROUPS: Record<string, string> = {
  reason: 'reason', role: 'role', seat: 'seat', level: 'level', winsWith: 'winsWith', stance: 'stance', band: 'band', buyingRole: 'buyingRole',
}

function variant(f: Finding): string {
  if (f.code === 'key-player-weak' && f.params.band === 'none') return 'message_none'
  if (f.code === 'key-player-stale' && f.params.daysSinceContact === -1) return 'message_never'
  if (f.code === 'single-threaded' && f.params.strongCount === 0) return 'message_none'
  if (f.code === 'seat-not-identified' && !f.params.seatName) return 'message_noSeat'
  return 'message'
}

export function findingMessage(f: Finding, t: T): string {
  return t(`finding.${f.code}.${variant(f)}`, { ...localParams(f.params, t), defaultValue: f.message })
}

export function findingNextStep(f: Finding, t: T): string {
  const suggest = f.code === 'missing-role' && Array.isArray(f.params.suggestedNames) && f.params.suggestedNames.length > 0
  return t(`finding.${f.code}.${suggest ? 'next_suggest' : 'next'}`, { ...localParams(f.params, t), defaultValue: f.nextStep ?? '' })
}

export function proposedActionText(a: ProposedAction, t: T): string {
  return t(`actions.${a.findingCode}`, { ...localParams(a.params, t), defaultValue: a.what }).slice(0, 200)
}
