import { label as labelOf } from '../../i18n'
import { clip } from '../text-fit'
import { INK, MARGIN, MUTED, SEVERITY_FILL, SLIDE } from '../theme'
import type { DeckFinding } from '../types'
import type { DeckContext, Slide } from './context'
import { bySeverity, findingText, nextStepText, stakeholderIndex } from './findings'

/** One slide: the top risks over the soonest next actions; the full lists are in the notes. */
const MAX_RISKS = 6
const MAX_ACTIONS = 6
const TABLE_W = SLIDE.w - 2 * MARGIN
const TABLE_STYLE = { fontSize: 12, color: INK, valign: 'middle' as const, margin: 4, border: { type: 'solid' as const, color: 'DDDDDD', pt: 0.75 } }

interface OpenAction {
  what: string
  person: string
  owner: string
  due?: string
}

/**
 * Risks (the analysis's findings, most severe first, with the sellers who own them) and the
 * open next actions with owners and due dates, on one slide. Left out, and the user told
 * why, when there is neither.
 */
export function addActionSlides(ctx: DeckContext): void {
  const { t, font } = ctx
  const findings = bySeverity(ctx.input.analysis.findings)
  const actions = openActions(ctx)
  if (!findings.length && !actions.length) {
    ctx.skip('actions', 'deck:skipped.actions')
    return
  }
  const { slide, number } = ctx.addSlide(t('deck:slide.risksAndActions'))
  ctx.tableSlides.add(number)
  const people = stakeholderIndex(ctx)
  let y = 1.0
  const notes: string[] = []

  heading(ctx, slide, t('deck:slide.risks'), y)
  const risksHeadingY = y
  y += 0.4
  if (findings.length) {
    const colW = [1.2, 7.6, TABLE_W - 8.8]
    // Rows as tall as their wrapped text: as many as fit above the actions.
    const rowH = (f: DeckFinding) => 0.2 * Math.max(1, Math.ceil(ctx.width(findingText(ctx, f, people), 12) / (colW[1] - 0.15))) + 0.14
    const shown: DeckFinding[] = []
    let used = 0.36
    // With no actions below, the risks take the slide, leaving a line for "no open actions".
    const room = actions.length ? 2.5 : 4.4
    for (const f of findings.slice(0, actions.length ? MAX_RISKS : MAX_RISKS * 2)) {
      if (used + rowH(f) > room && shown.length) break
      shown.push(f)
      used += rowH(f)
    }
    const rows = shown.map((f) => [
      { text: labelOf(t, 'severity', f.severity), options: { fill: { color: SEVERITY_FILL[f.severity] ?? 'DDDDDD' }, bold: true, align: 'center' as const } },
      { text: findingText(ctx, f, people) },
      { text: riskOwners(ctx, f) },
    ])
    slide.addTable([header([t('deck:field.severity'), t('deck:field.risk'), t('deck:field.owner')]), ...rows], { x: MARGIN, y, colW, fontFace: font, ...TABLE_STYLE, objectName: 'Risks' })
    y += used + 0.3
    // Beside the heading: below the table it could meet rows that wrapped more than estimated.
    if (findings.length > shown.length) more(ctx, slide, findings.length - shown.length, risksHeadingY)
  } else {
    slide.addText(t('deck:text.noRisks'), { x: MARGIN, y, w: TABLE_W, h: 0.35, fontFace: font, fontSize: 14, color: MUTED, margin: 0 })
    y += 0.5
  }
  notes.push(`${t('deck:slide.risks')}:`, ...(findings.length ? findings.map((f) => `• ${findingText(ctx, f, people)}${stepSuffix(ctx, f)}`) : [t('deck:text.noRisks')]))

  // Never into the footer, however much the risks' rows wrapped: the footer sits at the bottom 0.6 in.
  y = Math.min(Math.max(y, actions.length ? 3.9 : y), SLIDE.h - 1.45)
  heading(ctx, slide, t('deck:slide.nextActions'), y)
  const actionsHeadingY = y
  y += 0.4
  if (actions.length) {
    const shown = actions.slice(0, MAX_ACTIONS)
    const colW = [6.0, 2.6, 2.3, TABLE_W - 10.9]
    const rows = shown.map((a) => {
      const overdue = a.due !== undefined && a.due < ctx.input.today
      return [
        { text: clip(a.what, 120) },
        { text: a.person },
        { text: a.owner },
        overdue
          ? { text: `⚠ ${a.due} · ${t('deck:text.overdue')}`, options: { bold: true, color: 'B00020', fill: { color: 'FDE0D6' } } }
          : { text: a.due ?? '—' },
      ]
    })
    slide.addTable([header([t('deck:field.action'), t('deck:field.stakeholder'), t('deck:field.owner'), t('deck:field.due')]), ...rows], {
      x: MARGIN, y, colW, fontFace: font, ...TABLE_STYLE, objectName: 'Next actions',
    })
    if (actions.length > shown.length) more(ctx, slide, actions.length - shown.length, actionsHeadingY)
  } else {
    slide.addText(t('deck:text.noActions'), { x: MARGIN, y, w: TABLE_W, h: 0.35, fontFace: font, fontSize: 14, color: MUTED, margin: 0 })
  }
  notes.push('', `${t('deck:slide.nextActions')}:`, ...(actions.length ? actions.map((a) => `• ${a.what} — ${a.person} · ${a.owner} · ${a.due ?? '—'}`) : [t('deck:text.noActions')]))
  ctx.notes(slide, notes)
}

function openActions(ctx: DeckContext): OpenAction[] {
  const { t } = ctx
  const open: OpenAction[] = []
  for (const s of ctx.input.deal.stakeholders) {
    for (const a of s.actions ?? []) {
      if (!a.done) open.push({ what: a.what, person: s.name, owner: a.ownerId ? ctx.sellerName(a.ownerId) : t('deck:text.unassigned'), due: a.due })
    }
  }
  // Soonest first; undated last.
  return open.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
}

/** Who owns a risk: the sellers it names, else the owners of the people it names. */
function riskOwners(ctx: DeckContext, finding: DeckFinding): string {
  const ids = new Set(finding.sellerIds ?? [])
  if (!ids.size) {
    const people = stakeholderIndex(ctx)
    for (const id of finding.stakeholderIds ?? []) for (const owner of people.get(id)?.ownerIds ?? []) ids.add(owner)
  }
  return ids.size ? [...ids].map((id) => ctx.sellerName(id)).join(', ') : ctx.t('deck:text.unassigned')
}

function stepSuffix(ctx: DeckContext, finding: DeckFinding): string {
  const step = nextStepText(ctx, finding)
  return step ? ` → ${step}` : ''
}

function header(labels: string[]) {
  return labels.map((text) => ({ text, options: { bold: true, fill: { color: 'E8E8E8' } } }))
}

function heading(ctx: DeckContext, slide: Slide, text: string, y: number): void {
  slide.addText(text, { x: MARGIN, y, w: 6, h: 0.36, fontFace: ctx.font, fontSize: 16, bold: true, color: INK, margin: 0, valign: 'middle' })
}

function more(ctx: DeckContext, slide: Slide, count: number, y: number): void {
  slide.addText(ctx.t('deck:text.moreInNotes', { count }), {
    x: SLIDE.w - MARGIN - 6, y, w: 6, h: 0.36, fontFace: ctx.font, fontSize: 12, italic: true, color: MUTED, margin: 0, align: 'right', valign: 'middle',
  })
}
