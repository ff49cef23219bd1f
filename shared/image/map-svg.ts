import type { Deal } from '../model/deal'
import type { Influence, Language, Seller, Stakeholder } from '../model'
import { INFLUENCES, LINK_KINDS, STANCES } from '../model'
import { formatDay, label, makeTranslator, type Translator } from '../i18n'
import { INFLUENCE_BORDER_PT, INNER_CIRCLE_MARK, LINK_STYLE, STANCE_STYLE } from '../deck/theme'
import { fitText } from '../deck/text-fit'
import { escapeXml } from '../xml'
import { mapGeometry } from './map-geometry'
import type { Box } from '../org-chart-route'

export interface MapSvgInput {
  deal: Pick<Deal, 'name' | 'customer' | 'stakeholders' | 'links'>
  roster: readonly Pick<Seller, 'id' | 'name'>[]
  language: Language
  /** The export date, YYYY-MM-DD. */
  today: string
}

export interface MapSvg {
  svg: string
  width: number
  height: number
  /** Where each card was drawn in the picture (what a test or a viewer can check). */
  cards: Array<{ id: string; box: Box }>
}

const PAD = 40
const HEADER_H = 92
const LEGEND_H = 92
const MIN_WIDTH = 1160
const INK = '#222222'
const MUTED = '#666666'

/**
 * Fonts named for every reader: Latin faces of Windows, macOS and Linux, then the CJK faces
 * of the same systems, so a Chinese name draws in LibreOffice, Inkscape, a browser, resvg or
 * ImageMagick alike instead of as empty boxes.
 */
const FONTS: Record<Language, string> = {
  en: "Arial, 'Helvetica Neue', Helvetica, 'Liberation Sans', 'Noto Sans', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif",
  'zh-CN': "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', Arial, 'Liberation Sans', sans-serif",
}

/**
 * The map as a real vector picture (rects, text and paths; no HTML inside): the deal's
 * title and export date above, the map in the layout the app and the slides use, the legend
 * below. Every text is escaped; a text too long for its place is cut with "…" where it is drawn,
 * while each card's `<title>` keeps the full name and title (a tooltip in a browser). Pure.
 */
export function mapSvg(input: MapSvgInput): MapSvg {
  const { deal, language } = input
  const t = makeTranslator(language)
  const geometry = mapGeometry(deal)
  const { bounds } = geometry
  const width = Math.ceil(Math.max(MIN_WIDTH, bounds.width + 2 * PAD))
  const mapTop = HEADER_H
  const height = Math.ceil(mapTop + bounds.height + PAD + LEGEND_H)
  // Centre a narrow map under a wide header and legend.
  const dx = Math.round((width - bounds.width) / 2 - bounds.x)
  const dy = mapTop - bounds.y
  const cards = geometry.cards.map((c) => ({ id: c.id, box: { ...c.box, x: c.box.x + dx, y: c.box.y + dy } }))
  const people = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const sellers = new Map(input.roster.map((s) => [s.id, s.name]))

  const out: string[] = []
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`)
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONTS[language]}">`)
  out.push(`<title>${escapeXml(deal.name)}</title>`)
  out.push('<defs>')
  for (const kind of LINK_KINDS) {
    const style = LINK_STYLE[kind]
    if (style.arrow) out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 Z" fill="#${style.color}"/></marker>`)
  }
  out.push('</defs>')
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#F7F8FA"/>`)

  const subtitle = [deal.customer, `${t('deck:field.exported')} ${formatDay(input.today, language, input.today)}`].filter(Boolean).join(' · ')
  const line = lineFitter(language)
  out.push(`<g>`)
  out.push(`<text x="${PAD}" y="46" font-size="28" font-weight="bold" fill="${INK}">${line(deal.name, width - 2 * PAD, 28, true)}</text>`)
  out.push(`<text x="${PAD}" y="74" font-size="16" fill="${MUTED}">${line(subtitle, width - 2 * PAD, 16)}</text>`)
  out.push('</g>')

  // Lines first: a card is drawn over the end of every line that meets it.
  out.push('<g fill="none">')
  for (const line of geometry.lines) {
    const style = LINK_STYLE[line.kind]
    const d = line.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x + dx} ${p.y + dy}`).join(' ')
    const dash = style.dash === 'dash' ? ' stroke-dasharray="8 5"' : style.dash === 'sysDot' ? ' stroke-dasharray="2 4" stroke-linecap="round"' : ''
    const arrow = line.arrow ? ` marker-end="url(#arrow-${line.kind})"` : ''
    out.push(`<path d="${d}" stroke="#${style.color}" stroke-width="${style.widthPt * 1.4}"${dash}${arrow}/>`)
  }
  out.push('</g>')

  for (const card of cards) out.push(cardSvg(people.get(card.id)!, card.box, t, sellers, line))
  out.push(legendSvg(t, PAD, height - LEGEND_H + 10))
  out.push('</svg>')
  return { svg: out.join('\n'), width, height, cards }
}

/**
 * The stance as the app and the slides draw it: its colour-blind-safe colour and its own
 * shape (star, triangle, circle, upside-down triangle, cross, a square with "?"), centred on
 * (cx, cy) within radius r, so it reads in greyscale too.
 */
function stanceIconSvg(stance: Stakeholder['stance'], cx: number, cy: number, r: number): string {
  const style = STANCE_STYLE[stance]
  const paint = `fill="#${style.fill}" stroke="#333333" stroke-width="1"`
  const points = (pts: Array<[number, number]>) => pts.map(([x, y]) => `${(cx + x * r).toFixed(2)},${(cy + y * r).toFixed(2)}`).join(' ')
  switch (style.shape) {
    case 'star5': {
      const pts: Array<[number, number]> = []
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5
        const k = i % 2 === 0 ? 1 : 0.45
        pts.push([Math.cos(a) * k, Math.sin(a) * k])
      }
      return `<polygon points="${points(pts)}" ${paint}/>`
    }
    case 'triangle':
      return `<polygon points="${points(style.flipV ? [[-1, -0.8], [1, -0.8], [0, 0.9]] : [[0, -0.9], [1, 0.8], [-1, 0.8]])}" ${paint}/>`
    case 'ellipse':
      return `<circle cx="${cx}" cy="${cy}" r="${r * 0.85}" ${paint}/>`
    case 'mathMultiply':
      return `<path d="M${cx - r * 0.8},${cy - r * 0.8} L${cx + r * 0.8},${cy + r * 0.8} M${cx + r * 0.8},${cy - r * 0.8} L${cx - r * 0.8},${cy + r * 0.8}" stroke="#${style.fill}" stroke-width="${r * 0.45}" stroke-linecap="round"/>`
    case 'rect':
      return `<rect x="${cx - r * 0.85}" y="${cy - r * 0.85}" width="${r * 1.7}" height="${r * 1.7}" rx="2" ${paint}/>` +
        `<text x="${cx}" y="${cy + r * 0.45}" font-size="${Math.round(r * 1.3)}" font-weight="bold" text-anchor="middle" fill="#1A1A1A">${escapeXml(style.mark ?? '?')}</text>`
  }
}

/** A card as the app draws one: stance shape, name, title, buying role, owners' initials, influence as border weight. */
function cardSvg(person: Stakeholder, box: Box, t: Translator, sellers: ReadonlyMap<string, string>, line: LineFitter): string {
  const style = STANCE_STYLE[person.stance]
  const stroke = INFLUENCE_BORDER_PT[person.influence] * 1.4
  const owners = person.ownerIds.map((id) => initialsOf(sellers.get(id) ?? id))
  const role = label(t, 'buyingRole', person.buyingRole)
  const parts = [
    `<g transform="translate(${box.x} ${box.y})">`,
    `<rect x="0" y="0" width="${box.width}" height="${box.height}" rx="10" fill="#FFFFFF" stroke="#1A1A1A" stroke-width="${stroke}"/>`,
    `<rect x="${stroke / 2}" y="${stroke / 2}" width="6" height="${box.height - stroke}" fill="#${style.fill}"/>`,
    stanceIconSvg(person.stance, 26, 24, 11),
    `<title>${escapeXml(person.title ? `${person.name}, ${person.title}` : person.name)}</title>`,
    `<text x="44" y="30" font-size="15" font-weight="bold" fill="${INK}">${line(person.name, box.width - 72, 15, true)}</text>`,
    `<text x="16" y="56" font-size="12" fill="${INK}">${line(person.title, box.width - 30, 12)}</text>`,
    `<text x="16" y="76" font-size="12" fill="${MUTED}">${line(role, box.width - 30, 12)}</text>`,
    ...ownerChips(owners, box),
  ]
  if (person.innerCircle) parts.push(`<text x="${box.width - 10}" y="24" font-size="16" text-anchor="end" fill="#B8860B">${INNER_CIRCLE_MARK}</text>`)
  parts.push('</g>')
  return parts.join('')
}

function ownerChips(owners: readonly string[], box: Box): string[] {
  const chips: string[] = []
  let x = 16
  const y = box.height - 26
  for (const text of owners) {
    const w = 12 + text.length * 9
    chips.push(`<rect x="${x}" y="${y}" width="${w}" height="18" rx="9" fill="#E8EEF5" stroke="#1F4E79" stroke-width="0.75"/>`)
    chips.push(`<text x="${x + w / 2}" y="${y + 13}" font-size="11" text-anchor="middle" fill="#1F4E79">${escapeXml(text)}</text>`)
    x += w + 4
  }
  return chips
}

/** Stance colours and shapes; line kinds; influence as border weight; the inner-circle mark and owner chips. */
function legendSvg(t: Translator, x0: number, y0: number): string {
  const parts = [`<g font-size="13" fill="${INK}">`]
  let x = x0
  for (const stance of STANCES) {
    const text = label(t, 'stance', stance)
    parts.push(stanceIconSvg(stance, x + 10, y0 + 10, 9))
    parts.push(`<text x="${x + 26}" y="${y0 + 15}">${escapeXml(text)}</text>`)
    x += 40 + textWidth(text, 13)
  }
  x = x0
  const y = y0 + 40
  for (const kind of LINK_KINDS) {
    const style = LINK_STYLE[kind]
    const dash = style.dash === 'dash' ? ' stroke-dasharray="8 5"' : style.dash === 'sysDot' ? ' stroke-dasharray="2 4" stroke-linecap="round"' : ''
    const arrow = style.arrow ? ` marker-end="url(#arrow-${kind})"` : ''
    const text = label(t, 'link', kind)
    parts.push(`<path d="M${x} ${y + 10} L${x + 36} ${y + 10}" fill="none" stroke="#${style.color}" stroke-width="${style.widthPt * 1.4}"${dash}${arrow}/>`)
    parts.push(`<text x="${x + 44}" y="${y + 15}">${escapeXml(text)}</text>`)
    x += 60 + textWidth(text, 13)
  }
  const influence = `${t('deck:text.influence')}:`
  parts.push(`<text x="${x}" y="${y + 15}">${escapeXml(influence)}</text>`)
  x += 8 + textWidth(influence, 13)
  for (const level of INFLUENCES) {
    const text = label(t, 'influence', level as Influence)
    const w = 20 + textWidth(text, 12)
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="20" rx="4" fill="#FFFFFF" stroke="#1A1A1A" stroke-width="${INFLUENCE_BORDER_PT[level] * 1.4}"/>`)
    parts.push(`<text x="${x + w / 2}" y="${y + 15}" font-size="12" text-anchor="middle">${escapeXml(text)}</text>`)
    x += w + 8
  }
  x += 12
  // The mark apart from the words: a face without ★ would otherwise set the whole line in its fallback.
  parts.push(`<text x="${x}" y="${y + 15}" fill="#B8860B">${INNER_CIRCLE_MARK}</text>`)
  parts.push(`<text x="${x + 18}" y="${y + 15}">${escapeXml(t('deck:text.innerCircle'))}</text>`)
  x += 40 + textWidth(t('deck:text.innerCircle'), 13)
  parts.push(`<text x="${x}" y="${y + 15}">${escapeXml(t('deck:text.owners'))}</text>`)
  parts.push('</g>')
  return parts.join('')
}

type LineFitter = (text: string, widthPx: number, fontPx: number, bold?: boolean) => string

/**
 * One line of text cut with "…" to the room it has, escaped. Cut where it is drawn only: the
 * card's `<title>` and the picture's `<title>` keep the full texts. (A clip path would keep
 * them in the drawn text, but ImageMagick's own SVG reader mangles clipped text.)
 */
function lineFitter(language: Language): LineFitter {
  const latinScale = language === 'en' ? 1 : 1.2
  return (text, widthPx, fontPx, bold = false) => escapeXml(fitText(text, widthPx / 96, fontPx * 0.75, bold, latinScale))
}

/** A rough width of a label, enough to space the legend (CJK characters count double). */
function textWidth(text: string, px: number): number {
  let units = 0
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56
  return units * px
}

/** "Jane Smith" → "JS"; a Chinese name is short enough to show whole (up to three characters). */
function initialsOf(name: string): string {
  const trimmed = name.trim()
  if (/[\u2e80-\u9fff]/.test(trimmed)) return [...trimmed.replace(/\s+/g, '')].slice(0, 3).join('')
  const firsts = trimmed.split(/\s+/).map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0]).filter((c): c is string => c !== undefined)
  return firsts.map((c) => c.toUpperCase()).slice(0, 3).join('')
}
