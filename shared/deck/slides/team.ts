import type PptxGenJS from 'pptxgenjs'
import { ROLES, type Role, type SellerKind } from '../../model'
import { label as labelOf } from '../../i18n'
import { INK, MAP_STATUS_FILL, MARGIN, MIN_FONT_PT, MUTED, SEVERITY_FILL, SLIDE } from '../theme'
import { type DeckContext } from './context'
import { bySeverity, findingText, nextStepText, stakeholderIndex } from './findings'
import type { DeckFinding } from '../types'

const SEAT_OF_ROLE: Record<Role, SellerKind> = { control: 'account', support: 'solution', attack: 'project' }
const VERDICT_FILL: Record<string, string> = { covered: MAP_STATUS_FILL.green, 'at-risk': MAP_STATUS_FILL.amber, gaps: MAP_STATUS_FILL.red }
const MAX_FINDINGS = 8

/** The three roles (control, support, attack): who sits each seat, qualified or not, the verdict, findings. */
export function addTeamSlide(ctx: DeckContext): void {
  const { t, font } = ctx
  const { team } = ctx.input.analysis
  const { slide, number } = ctx.addSlide(t('deck:slide.team'))
  ctx.notes(slide, [
    t('deck:notes.team'),
    t('deck:notes.verdictIs', { verdict: labelOf(t, 'verdict', team.verdict) }),
    ...(team.findings.length ? [t('deck:notes.findingsHeading'), ...bySeverity(team.findings).map((f) => `• ${findingText(ctx, f, stakeholderIndex(ctx))}${nextStepLine(ctx, f)}`)] : []),
  ])

  const verdict = `${t('deck:field.verdict')}: ${labelOf(t, 'verdict', team.verdict)}`
  slide.addText(verdict, {
    shape: 'roundRect', rectRadius: 0.06, x: MARGIN, y: 1.0, w: Math.min(SLIDE.w - 2 * MARGIN, ctx.width(verdict, 14, true) + 0.4), h: 0.42,
    fill: { color: VERDICT_FILL[team.verdict] ?? 'D9D9D9' }, line: { color: '333333', width: 0.75 },
    fontFace: font, fontSize: 14, bold: true, color: '000000', margin: 6, valign: 'middle', objectName: 'Verdict',
  })

  // Lanes as tall as their seats need; the findings fill the rest of the slide.
  const mostSeats = Math.max(1, ...ROLES.map((r) => Math.min(5, team.roles[r].seats.length)))
  const laneH = Math.min(3.2, 1.2 + 0.42 * mostSeats)
  const findingsY = 1.6 + laneH + 0.25
  const gap = 0.3
  const colW = (SLIDE.w - 2 * MARGIN - 2 * gap) / 3
  ROLES.forEach((role, i) => {
    const coverage = team.roles[role]
    const x = MARGIN + i * (colW + gap)
    const seatLines: Array<{ text: string; options: PptxGenJS.TextPropsOptions }> = coverage.seats.length
      ? coverage.seats.slice(0, 5).map((seat) => {
          const seller = ctx.seller(seat.sellerId)
          const mark = seat.qualified ? '✓' : '⚠'
          const parts = [seller?.name ?? seat.sellerId]
          if (seller) parts.push(labelOf(t, 'level', seller.level))
          if (seat.lead) parts.push(t('deck:text.lead'))
          parts.push(seat.qualified ? t('deck:text.qualified') : t('deck:text.stretch'))
          return { text: `${mark} ${parts.join(' · ')}`, options: { fontSize: 14, paraSpaceAfter: 4, breakLine: true, color: seat.qualified ? INK : 'A04000' } }
        })
      : [{ text: t('deck:text.noSeats'), options: { fontSize: 14, breakLine: true, color: 'C62828', bold: true } }]
    if (coverage.seats.length > 5) seatLines.push({ text: t('deck:text.more', { count: coverage.seats.length - 5 }), options: { fontSize: 11, breakLine: true, color: MUTED } })
    slide.addText(
      [
        { text: labelOf(t, 'role', role), options: { fontSize: 20, bold: true, breakLine: true, color: INK } },
        { text: `${labelOf(t, 'seat', SEAT_OF_ROLE[role])} · ${t(`team:winsWith.${role}`)}`, options: { fontSize: 12, breakLine: true, color: MUTED } },
        { text: ' ', options: { fontSize: 6, breakLine: true } },
        ...seatLines,
      ],
      {
        shape: 'roundRect', rectRadius: 0.08, x, y: 1.6, w: colW, h: laneH, fit: 'shrink',
        fill: { color: coverage.covered ? 'F3FAF6' : 'FDF0EA' },
        line: { color: coverage.covered ? MAP_STATUS_FILL.green : MAP_STATUS_FILL.red, width: 2 },
        fontFace: font, valign: 'top', margin: 8, objectName: `Role ${role}`,
      },
    )
  })

  slide.addText(t('deck:field.findings'), { x: MARGIN, y: findingsY, w: 4, h: 0.4, fontFace: font, fontSize: 16, bold: true, color: INK, margin: 0, valign: 'middle' })
  const findings = bySeverity(team.findings)
  if (!findings.length) {
    slide.addText(t('deck:text.noFindings'), { x: MARGIN, y: findingsY + 0.45, w: 8, h: 0.35, fontFace: font, fontSize: 12, color: MUTED, margin: 0 })
    return
  }
  ctx.tableSlides.add(number)
  const people = stakeholderIndex(ctx)
  const textW = SLIDE.w - 2 * MARGIN - 1.3
  const rowH = (f: DeckFinding) => 0.21 * Math.max(1, Math.ceil(ctx.width(findingText(ctx, f, people), 14) / textW)) + 0.14
  const shown: DeckFinding[] = []
  let used = 0
  for (const f of findings.slice(0, MAX_FINDINGS)) {
    if (findingsY + 0.45 + used + rowH(f) > SLIDE.h - 0.8 && shown.length) break
    shown.push(f)
    used += rowH(f)
  }
  const rows = shown.map((f) => [
    { text: labelOf(t, 'severity', f.severity), options: { fill: { color: SEVERITY_FILL[f.severity] ?? 'D9D9D9' }, bold: true, align: 'center' as const } },
    { text: findingText(ctx, f, people) },
  ])
  slide.addTable(rows, {
    x: MARGIN, y: findingsY + 0.45, w: SLIDE.w - 2 * MARGIN, colW: [1.1, SLIDE.w - 2 * MARGIN - 1.1],
    fontFace: font, fontSize: 14, color: INK, border: { type: 'solid', color: 'DDDDDD', pt: 0.75 }, valign: 'middle', margin: 3,
    objectName: 'Team findings',
  })
  if (findings.length > shown.length) {
    slide.addText(t('deck:text.moreInNotes', { count: findings.length - shown.length }), {
      x: MARGIN, y: SLIDE.h - 0.7, w: 8, h: 0.25, fontFace: font, fontSize: MIN_FONT_PT + 1, color: MUTED, margin: 0,
    })
  }
}

function nextStepLine(ctx: DeckContext, finding: DeckFinding): string {
  const step = nextStepText(ctx, finding)
  return step ? ` → ${step}` : ''
}
