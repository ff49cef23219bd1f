import { formatDay, formatMoney, label, makeTranslator, type Translator } from '../i18n'
import type { Language, LinkKind, SellerKind } from '../model'
import type { Change } from './types'

/** One plain sentence per change, for the change list and the "Changes since last review" slide. */
export function describeChange(change: Change, lang: Language): string {
  return sentenceOf(change, makeTranslator(lang), lang)
}

function sentenceOf(c: Change, t: Translator, lang: Language): string {
  const say = (kind: string, params: Record<string, string | number>) => t(`changes:sentence.${kind}`, seatsNamed(params, t))
  const orNone = (text: string) => text || t('changes:none')
  const seat = (s: SellerKind) => t(`team:seat.${s}`)
  const line = (kind: string, from: string, to: string) => {
    const sentence = t(`map:linkSentence.${kind}`, { from, to })
    return sentence === `map:linkSentence.${kind}` ? `${from} ${label(t, 'link', kind as LinkKind)} ${to}` : sentence
  }
  switch (c.kind) {
    case 'stage-changed': return say(c.kind, { from: label(t, 'stage', c.params.from), to: label(t, 'stage', c.params.to) })
    case 'amount-changed': {
      const money = (value: number) => formatMoney({ value, currency: c.params.currency }, lang)
      return say(c.kind, { from: money(c.params.from), to: money(c.params.to) })
    }
    case 'close-date-changed': {
      const day = (d: string | null) => formatDay(d, lang, t('changes:noDate'))
      return say(c.kind, { from: day(c.params.from), to: day(c.params.to) })
    }
    case 'stakeholder-added':
    case 'stakeholder-removed': return say(c.kind, { name: c.params.name })
    case 'stance-changed': return say(c.kind, { name: c.params.name, from: label(t, 'stance', c.params.from), to: label(t, 'stance', c.params.to) })
    case 'buying-role-changed': return say(c.kind, { name: c.params.name, from: label(t, 'buyingRole', c.params.from), to: label(t, 'buyingRole', c.params.to) })
    case 'influence-changed': return say(c.kind, { name: c.params.name, from: label(t, 'influence', c.params.from), to: label(t, 'influence', c.params.to) })
    case 'inner-circle-changed': return say(c.params.to ? 'inner-circle-joined' : 'inner-circle-left', { name: c.params.name })
    case 'department-changed': {
      const dept = (d: string) => d || t('changes:noDepartment')
      return say(c.kind, { name: c.params.name, from: dept(c.params.from), to: dept(c.params.to) })
    }
    case 'renamed': return say(c.kind, { name: c.params.name, from: c.params.from })
    case 'title-changed': return say(c.kind, { name: c.params.name, from: orNone(c.params.from), to: orNone(c.params.to) })
    case 'owner-added':
    case 'owner-removed': return say(c.kind, { name: c.params.name, seller: c.params.seller })
    case 'relationship-changed': {
      const delta = c.params.to - c.params.from
      return say(c.kind, {
        name: c.params.name, from: c.params.from, to: c.params.to,
        delta: delta > 0 ? `+${delta}` : `${delta}`, band: label(t, 'band', c.params.toBand),
      })
    }
    case 'contacts-logged': return say(c.kind, { name: c.params.name, count: c.params.count })
    case 'line-added':
    case 'line-removed': return say(c.kind, { line: line(c.params.lineKind, c.params.from, c.params.to) })
    case 'seat-added':
    case 'seat-removed': return say(c.kind, { seller: c.params.seller, seat: seat(c.params.seat) })
    case 'seat-lead-changed': return say(c.params.lead ? 'seat-lead-taken' : 'seat-lead-dropped', { seller: c.params.seller, seat: seat(c.params.seat) })
    case 'finding-new':
    case 'finding-resolved': return say(c.kind, { finding: findingLabel(c.params, t, lang) })
  }
}

/**
 * A placeholder seat with neither name nor title is "not yet identified" in the sentence,
 * never a blank (every other empty value is worded before it gets here).
 */
function seatsNamed(params: Record<string, string | number>, t: Translator): Record<string, string | number> {
  if (params.name !== '' && params.from !== '') return params
  const unknown = t('map:card.placeholderName')
  return { ...params, ...(params.name === '' ? { name: unknown } : {}), ...(params.from === '' ? { from: unknown } : {}) }
}

function findingLabel(p: { code: string; people: string[]; role?: string; message?: string }, t: Translator, lang: Language): string {
  const key = `changes:finding.${p.code}`
  const known = t(key)
  // An unknown code (a rule added later) still reads sensibly through the analysis's own message.
  const title = known !== key ? known : lang === 'en' && p.message ? p.message.replace(/\.$/, '') : p.code
  const about = [...p.people, ...(p.role ? [label(t, 'role', p.role)] : [])]
  if (about.length === 0) return title
  return t('changes:findingAbout', { finding: title, about: about.join(t('changes:listSeparator')) })
}
