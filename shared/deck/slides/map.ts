import type { Stakeholder } from '../../model'
import { label as labelOf, personName, type Translator } from '../../i18n'
import { lateralConnector, pathIsClear, connectorPath, reportsToConnector, type ConnectorSpec } from '../connectors'
import { busYBetween, planMap, type MapPage, type Rect } from '../map-plan'
import { INFLUENCE_BORDER_PT, INK, MARGIN, MIN_FONT_PT, MIN_NAME_PT, MUTED, SLIDE, STANCE_STYLE } from '../theme'
import { initials, type DeckContext, type Slide } from './context'
import { addLegend, LEGEND_TOP } from './legend'

/** The left rail of a card: the stance chip above the owners' initials. */
const RAIL = { inset: 0.05, w: 0.27, chip: 0.21, owner: 0.2, gap: 0.04 } as const
const INNER_MARK = 0.15
/** How far a "see slide" tab reaches below its card. */
const SEE_TAB_BELOW = 0.13
/** At most this many owners' chips on a card; more are counted on the last. */
const MAX_OWNER_CHIPS = 2

/**
 * The map as the app draws it: the org chart, scaled so names are at least 12 pt; split by
 * branch when it cannot fit (see map-plan.ts). A map of fewer than two people has no slide.
 */
export function addMapSlides(ctx: DeckContext): void {
  const people = ctx.input.deal.stakeholders
  if (people.length < 2) {
    if (people.length === 0) ctx.skip('map', 'deck:skipped.mapEmpty')
    else ctx.skip('map', 'deck:skipped.mapOne', { name: people[0].name })
    return
  }
  const pages = planMap(ctx.input.deal)
  const firstNumber = ctx.slideCount + 1
  pages.forEach((page, i) => addMapPage(ctx, page, firstNumber, i === 0))
}

function pageTitle(ctx: DeckContext, page: MapPage, first: boolean): string {
  const { t } = ctx
  if (page.kind === 'whole') return t('deck:slide.map')
  if (page.kind === 'overview' && (first || page.heads.length === 0)) return t('deck:slide.mapOverview')
  // The branches' departments (when every head has one), then the heads by name, cut to one line.
  const departments = [...new Set(page.heads.map((h) => h.department.trim()))]
  const where = departments.every(Boolean) ? `${departments.join(', ')} · ` : ''
  const names = page.heads.map((h) => h.name)
  const base = `${t('deck:slide.map')}: ${where}`
  for (let n = names.length; n >= 1; n--) {
    const title = base + names.slice(0, n).join(', ') + (n < names.length ? ` +${names.length - n}` : '')
    if (ctx.width(title, 24, true) <= SLIDE.w - 2 * MARGIN || n === 1) return title
  }
  return base
}

function addMapPage(ctx: DeckContext, page: MapPage, firstNumber: number, first: boolean): void {
  const { t } = ctx
  const { slide, number } = ctx.addSlide(pageTitle(ctx, page, first))
  const names = uniqueNames(page.cards.map((c) => c.stakeholder), ctx.t)
  const placed = new Map<string, { name: string; rect: Rect }>()
  // Lines keep clear of the cards and of the "see slide" tabs below them.
  const rects = page.cards.map((c) => (c.seePage === undefined ? c.rect : { ...c.rect, h: c.rect.h + SEE_TAB_BELOW }))
  const rectOf = new Map(page.cards.map((c, i) => [c.stakeholder.id, rects[i]]))

  page.cards.forEach((card) => placed.set(card.stakeholder.id, { name: names.get(card.stakeholder.id)!, rect: card.rect }))
  const othersThan = (a: string, b: string) => page.cards.filter((c) => c.stakeholder.id !== a && c.stakeholder.id !== b).map((c) => rectOf.get(c.stakeholder.id)!)
  for (const card of page.cards) {
    addCard(ctx, slide, card.stakeholder, card.rect, names.get(card.stakeholder.id)!, page.textScale)
    if (card.seePage !== undefined) addSeeMarker(ctx, slide, card.rect, names.get(card.stakeholder.id)!, firstNumber + card.seePage)
  }

  const connectors: ConnectorSpec[] = []
  let hidden = 0
  /** Lines every elbow of which would run behind a card: told in the notes instead. */
  const untold: string[] = []
  for (const link of ctx.input.deal.links) {
    const from = placed.get(link.from)
    const to = placed.get(link.to)
    if (!from || !to) {
      // A report's line to a manager elsewhere is told by the "see slide" marker and the
      // head repeated on the branch's slide; other lines are counted.
      if ((from || to) && link.kind !== 'reports-to') hidden += 1
      continue
    }
    const others = othersThan(link.from, link.to)
    const spec = link.kind === 'reports-to' ? reportsTo(to, from, others, page.scale) : lateralConnector(from.name, from.rect, to.name, to.rect, link.kind, others)
    if (!spec) {
      untold.push(`${labelOf(t, 'link', link.kind)}: ${from.name} → ${to.name}`)
      continue
    }
    connectors.push(spec)
    const text = (link as { label?: string }).label?.trim()
    if (text) addLineLabel(ctx, slide, spec, text, rects)
  }
  ctx.connectors.push({ slideNumber: number, connectors, cards: [...names.values()] })
  addLegend(ctx, slide)
  const notes = [mapNotes(ctx, page)]
  hidden += untold.length
  if (untold.length) notes.push(t('deck:notes.untold'), ...untold.map((l) => `• ${l}`))
  if (hidden > 0) {
    const line = t('deck:text.hiddenLines', { count: hidden })
    notes.push(line)
    slide.addText(line, {
      x: SLIDE.w - MARGIN - 4.6, y: LEGEND_TOP, w: 4.6, h: 0.27,
      fontFace: ctx.font, fontSize: MIN_FONT_PT, italic: true, color: MUTED, margin: 0, align: 'right', valign: 'middle', objectName: 'Hidden lines',
    })
  }
  ctx.notes(slide, notes)
}

/** Manager's bottom to report's top on the bus; a line that cannot run so goes round as a lateral line. */
function reportsTo(manager: { name: string; rect: Rect }, report: { name: string; rect: Rect }, others: readonly Rect[], scale: number): ConnectorSpec | null {
  if (manager.rect.y + manager.rect.h < report.rect.y) {
    const spec = reportsToConnector(manager.name, manager.rect, report.name, report.rect, busYBetween(manager.rect, report.rect, scale))
    if (pathIsClear(connectorPath(spec), others)) return spec
  }
  return lateralConnector(manager.name, manager.rect, report.name, report.rect, 'reports-to', others)
}

/** Shape names are the people's names (PowerPoint's selection pane); two namesakes are numbered. */
function uniqueNames(people: readonly Stakeholder[], t: Translator): Map<string, string> {
  const seen = new Map<string, number>()
  const out = new Map<string, string>()
  for (const p of people) {
    const base = personName(p, t)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    out.set(p.id, n === 1 ? base : `${base} (${n})`)
  }
  return out
}

/**
 * A card as the app draws it: the stance as a coloured shape in the card's left rail, owners'
 * initials as chips under it, influence as the border's weight, the inner circle as a ring at
 * the top right. The whole name and title are kept; PowerPoint shrinks them if they overflow.
 */
function addCard(ctx: DeckContext, slide: Slide, person: Stakeholder, rect: Rect, name: string, textScale: number): void {
  const { t, font } = ctx
  const style = STANCE_STYLE[person.stance]
  const namePt = round1(MIN_NAME_PT * textScale)
  const textPt = round1(MIN_FONT_PT * textScale)
  const left = RAIL.inset + RAIL.w + 0.03
  const right = person.innerCircle ? INNER_MARK + 0.08 : 0.06
  const role = labelOf(t, 'buyingRole', person.buyingRole)
  const lines = [
    { text: personName(person, t), options: { fontSize: namePt, bold: true, color: '000000', breakLine: true } },
    ...(person.title.trim() ? [{ text: person.title, options: { fontSize: textPt, color: INK, breakLine: true } }] : []),
    { text: role, options: { fontSize: textPt, color: MUTED } },
  ]
  slide.addText(lines, {
    shape: 'roundRect', rectRadius: 0.06, x: rect.x, y: rect.y, w: rect.w, h: rect.h,
    fill: { color: style.tint }, line: { color: '3A3A3A', width: INFLUENCE_BORDER_PT[person.influence] },
    fontFace: font, margin: [pt(left), pt(right), pt(0.04), pt(0.05)], valign: 'top', align: 'left', fit: 'shrink',
    objectName: name,
  })

  const chipX = rect.x + RAIL.inset + (RAIL.w - RAIL.chip) / 2
  const stanceLabel = labelOf(t, 'stance', person.stance)
  slide.addText(style.mark ?? '', {
    shape: style.shape, x: chipX, y: rect.y + 0.07, w: RAIL.chip, h: RAIL.chip, flipV: style.flipV ?? false,
    fill: { color: style.fill }, line: { color: '1A1A1A', width: 0.75 },
    fontFace: font, fontSize: MIN_FONT_PT, bold: true, color: '000000', align: 'center', valign: 'middle', margin: 0,
    objectName: `${name}: ${stanceLabel}`,
  })

  if (person.innerCircle) {
    slide.addShape('donut', {
      x: rect.x + rect.w - INNER_MARK - 0.06, y: rect.y + 0.06, w: INNER_MARK, h: INNER_MARK,
      fill: { color: '1A1A1A' }, line: { color: '1A1A1A', width: 0.5 }, objectName: `${name}: ${t('deck:text.innerCircle')}`,
    })
  }

  const owners = person.ownerIds.map((id) => initials(ctx.sellerName(id)))
  const chips = owners.length > MAX_OWNER_CHIPS ? [...owners.slice(0, MAX_OWNER_CHIPS - 1), `+${owners.length - MAX_OWNER_CHIPS + 1}`] : owners
  let y = rect.y + rect.h - 0.05 - RAIL.owner
  const top = rect.y + 0.07 + RAIL.chip + RAIL.gap
  for (let i = chips.length - 1; i >= 0 && y >= top; i--) {
    slide.addText(chips[i], {
      shape: 'roundRect', rectRadius: 0.1, x: rect.x + RAIL.inset, y, w: RAIL.w, h: RAIL.owner,
      fill: { color: 'FFFFFF' }, line: { color: '555555', width: 0.75 },
      fontFace: font, fontSize: MIN_FONT_PT, bold: true, color: INK, align: 'center', valign: 'middle', margin: 0, fit: 'shrink',
      objectName: `${name}: ${t('deck:field.owner')} ${chips[i]}`,
    })
    y -= RAIL.owner + RAIL.gap
  }
}

/** "See slide 7" as a tab on the bottom edge of a manager whose team is on a later slide. */
function addSeeMarker(ctx: DeckContext, slide: Slide, rect: Rect, name: string, slideNumber: number): void {
  const text = `↓ ${ctx.t('deck:text.seeSlide', { number: slideNumber })}`
  const w = Math.min(rect.w - RAIL.w - 0.15, ctx.width(text, MIN_FONT_PT, true) + 0.16)
  slide.addText(text, {
    shape: 'roundRect', rectRadius: 0.05, x: rect.x + rect.w - w - 0.08, y: rect.y + rect.h + SEE_TAB_BELOW - 0.22, w, h: 0.22,
    fill: { color: '1F4E79' }, line: { color: '1F4E79', width: 0.5 },
    fontFace: ctx.font, fontSize: MIN_FONT_PT, bold: true, color: 'FFFFFF', align: 'center', valign: 'middle', margin: 0,
    objectName: `${name}: ${text}`, hyperlink: { slide: slideNumber, tooltip: text },
  })
}

/** A line's own label, on its middle leg, where it covers no card. */
function addLineLabel(ctx: DeckContext, slide: Slide, spec: ConnectorSpec, text: string, rects: readonly Rect[]): void {
  const path = connectorPath(spec)
  const mid = { x: (path[1].x + path[2].x) / 2, y: (path[1].y + path[2].y) / 2 }
  const w = Math.min(2.2, ctx.width(text, MIN_FONT_PT) + 0.12)
  const h = 0.22
  const box = { x: mid.x - w / 2, y: mid.y - h / 2, w, h }
  if (rects.some((r) => box.x < r.x + r.w && r.x < box.x + box.w && box.y < r.y + r.h && r.y < box.y + box.h)) return
  slide.addText(text, {
    ...box, fill: { color: 'FFFFFF' }, fontFace: ctx.font, fontSize: MIN_FONT_PT, italic: true, color: INK,
    align: 'center', valign: 'middle', margin: 0, fit: 'shrink', objectName: `Label: ${text}`,
  })
}

/** Speaker notes: who is on the slide by stance, and who is key. */
function mapNotes(ctx: DeckContext, page: MapPage): string {
  const { t } = ctx
  const people = page.cards.map((c) => c.stakeholder)
  const byStance = new Map<string, string[]>()
  for (const p of people) {
    const list = byStance.get(p.stance)
    if (list) list.push(p.name)
    else byStance.set(p.stance, [p.name])
  }
  const lines = [t('deck:notes.mapPeople', { count: people.length })]
  for (const [stance, names] of byStance) lines.push(`${labelOf(t, 'stance', stance)}: ${names.join(', ')}`)
  const key = people.filter((p) => p.innerCircle).map((p) => p.name)
  if (key.length) lines.push(`${t('deck:text.innerCircle')}: ${key.join(', ')}`)
  return lines.join('\n')
}

const pt = (inches: number): number => Math.round(inches * 72 * 10) / 10
const round1 = (n: number): number => Math.round(n * 2) / 2
