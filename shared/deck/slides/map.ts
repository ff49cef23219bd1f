import type { Stakeholder } from '../../model'
import { connectorBetween, type ConnectorSpec } from '../connectors'
import { CARD, MAP_AREA, OVERVIEW_BOX, OVERVIEW_GAP, gridCells, planMap, type DepartmentSummary, type MapPage, type Rect } from '../map-layout'
import { INFLUENCE_BORDER_PT, INK, INNER_CIRCLE_MARK, MARGIN, MIN_FONT_PT, MUTED, STANCES_IN_ORDER, STANCE_STYLE } from '../theme'
import { initials, type DeckContext, type Slide } from './context'
import { addCompactLegend, addLegend } from './legend'
import { label as labelOf } from '../../i18n'

const CARD_MARGIN_PT = 3
const CARD_TEXT_W = CARD.w - (2 * CARD_MARGIN_PT) / 72 - 0.06

/** The map: one slide if it fits at 9 pt, else an overview plus a slide (or more) per department. */
export function addMapSlides(ctx: DeckContext): void {
  const plan = planMap(ctx.input.deal.stakeholders)
  if (plan.kind === 'empty') {
    const { slide } = ctx.addSlide(ctx.t('deck:slide.map'))
    slide.addText(ctx.t('deck:text.noStakeholders'), {
      x: MARGIN, y: 2.8, w: MAP_AREA.w, h: 1, fontFace: ctx.font, fontSize: 18, color: MUTED, align: 'center', valign: 'middle',
    })
    addLegend(ctx, slide)
    return
  }
  if (plan.kind === 'single') {
    addMapPage(ctx, plan.page, false)
    return
  }
  plan.overview.forEach((departments, i) => addOverviewPage(ctx, departments, i + 1, plan.overview.length))
  for (const page of plan.pages) addMapPage(ctx, page, true)
}

function addMapPage(ctx: DeckContext, page: MapPage, paged: boolean): void {
  const { t } = ctx
  const base = page.department === undefined ? t('deck:slide.map') : `${t('deck:slide.map')}: ${page.department || t('deck:text.noDepartment')}`
  const { slide, number } = ctx.addSlide(ctx.paged(base, page.page, page.pages))

  const placed = new Map<string, { name: string; rect: Rect }>()
  page.cards.forEach((card, i) => {
    const name = `Stakeholder ${i + 1}`
    placed.set(card.stakeholder.id, { name, rect: card.rect })
    addCard(ctx, slide, card.stakeholder, card.rect, name)
  })

  const connectors: ConnectorSpec[] = []
  let hidden = 0
  for (const link of ctx.input.deal.links) {
    const from = placed.get(link.from)
    const to = placed.get(link.to)
    if (from && to) connectors.push(connectorBetween(from.name, from.rect, to.name, to.rect, link.kind))
    else if (from || to) hidden += 1
  }
  if (connectors.length) ctx.connectors.push({ slideNumber: number, connectors })
  if (paged) addCompactLegend(ctx, slide)
  else addLegend(ctx, slide)
  if (paged && hidden > 0) {
    slide.addText(t('deck:text.hiddenLines', { count: hidden }), {
      x: MARGIN, y: MAP_AREA.y + MAP_AREA.h + 0.02, w: MAP_AREA.w, h: 0.22,
      fontFace: ctx.font, fontSize: MIN_FONT_PT, italic: true, color: MUTED, margin: 0, align: 'right', valign: 'middle',
    })
  }
}

/** A stakeholder as the app draws one: stance colour and cue, role, influence border, inner circle, owners. */
function addCard(ctx: DeckContext, slide: Slide, person: Stakeholder, rect: Rect, name: string): void {
  const { t } = ctx
  const style = STANCE_STYLE[person.stance]
  const shown = person.name.trim() ? person.name : t('map:card.placeholderName')
  const heading = `${style.cue} ${shown}${person.innerCircle ? ` ${INNER_CIRCLE_MARK}` : ''}`
  const owners = person.ownerIds.map((id) => initials(ctx.sellerName(id))).join(', ')
  const role = labelOf(t, 'buyingRole', person.buyingRole) + (owners ? ` · ${owners}` : '')
  const line = { fontFace: ctx.font, fontSize: MIN_FONT_PT, color: '000000' }
  slide.addText(
    [
      { text: ctx.fit(heading, CARD_TEXT_W, MIN_FONT_PT, true), options: { ...line, bold: true, breakLine: true } },
      { text: ctx.fit(person.title || ' ', CARD_TEXT_W, MIN_FONT_PT), options: { ...line, breakLine: true } },
      { text: ctx.fit(role, CARD_TEXT_W, MIN_FONT_PT), options: line },
    ],
    {
      shape: 'roundRect', rectRadius: 0.08, x: rect.x, y: rect.y, w: rect.w, h: rect.h,
      fill: { color: style.fill }, line: { color: '1A1A1A', width: INFLUENCE_BORDER_PT[person.influence] },
      margin: CARD_MARGIN_PT, valign: 'middle', align: 'left', objectName: name,
    },
  )
}

/** Departments as boxes: how many people, and a bar of their stances. */
function addOverviewPage(ctx: DeckContext, departments: readonly DepartmentSummary[], page: number, pages: number): void {
  const { t, font } = ctx
  const { slide } = ctx.addSlide(ctx.paged(t('deck:slide.mapOverview'), page, pages))
  const cells = gridCells(departments.length, MAP_AREA, OVERVIEW_BOX, OVERVIEW_GAP)
  departments.forEach((d, i) => {
    const cell = cells[i]
    const keyPeople = d.people.filter((p) => p.innerCircle || p.influence === 'high').length
    slide.addText(
      [
        { text: ctx.fit(d.department || t('deck:text.noDepartment'), cell.w - 0.2, 12, true), options: { bold: true, fontSize: 12, breakLine: true } },
        { text: `${t('deck:text.peopleCount', { count: d.people.length })} · ${INNER_CIRCLE_MARK} ${keyPeople}`, options: { fontSize: MIN_FONT_PT + 1 } },
      ],
      {
        shape: 'roundRect', rectRadius: 0.08, x: cell.x, y: cell.y, w: cell.w, h: cell.h,
        fill: { color: 'FFFFFF' }, line: { color: '555555', width: 1 }, fontFace: font, color: INK,
        margin: 6, valign: 'top', objectName: `Department ${i + 1}`,
      },
    )
    // The stance bar: one segment per stance, as wide as its share of the department.
    const barX = cell.x + 0.1
    const barW = cell.w - 0.2
    let x = barX
    for (const stance of STANCES_IN_ORDER) {
      const count = d.people.filter((p) => p.stance === stance).length
      if (!count) continue
      const w = (barW * count) / d.people.length
      const label = `${STANCE_STYLE[stance].cue}${count}`
      slide.addText(ctx.width(label, MIN_FONT_PT) + 0.08 <= w ? label : '', {
        shape: 'rect', x, y: cell.y + cell.h - 0.38, w, h: 0.28,
        fill: { color: STANCE_STYLE[stance].fill }, line: { color: 'FFFFFF', width: 0.5 },
        fontFace: font, fontSize: MIN_FONT_PT, color: '000000', align: 'center', valign: 'middle', margin: 0,
      })
      x += w
    }
  })
  addLegend(ctx, slide)
}
