import type { Stakeholder } from '../../model'
import { personName, type Translator } from '../../i18n'
import { clip } from '../text-fit'
import type { DeckFinding } from '../types'
import type { DeckContext } from './context'

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 }

export function bySeverity(findings: readonly DeckFinding[]): DeckFinding[] {
  return [...findings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3))
}

/**
 * A finding in the deck's language. The analysis writes English sentences (and codes for
 * translation); a Chinese deck shows the code's title and the people it names.
 */
export function findingText(ctx: DeckContext, finding: DeckFinding, stakeholders: ReadonlyMap<string, Stakeholder>): string {
  if (ctx.input.language === 'en') return clip(finding.message, 220)
  const names = [
    ...(finding.stakeholderIds ?? []).map((id) => { const s = stakeholders.get(id); return s ? personName(s, ctx.t) : id }),
    ...(finding.sellerIds ?? []).map((id) => ctx.sellerName(id)),
  ]
  // A merged finding names its person once, with each reason's title.
  const title = (finding.reasons ?? [finding]).map((r) => findingTitle(ctx.t, r.code)).join('、')
  return clip(names.length ? `${title}：${names.join('、')}` : title, 220)
}

/** The next step, only where it is in the deck's language. */
export function nextStepText(ctx: DeckContext, finding: DeckFinding): string {
  if (ctx.input.language !== 'en') return ''
  const steps = (finding.reasons ?? [finding]).map((r) => r.nextStep).filter((step): step is string => !!step)
  return clip(steps.join(' '), 180 * steps.length)
}

/** The short title of a finding code, as the change list names it; an unknown code shows itself. */
function findingTitle(t: Translator, code: string): string {
  const key = `changes:finding.${code}`
  const title = t(key)
  return title === key ? code : title
}

export function stakeholderIndex(ctx: DeckContext): Map<string, Stakeholder> {
  return new Map(ctx.input.deal.stakeholders.map((s) => [s.id, s]))
}
