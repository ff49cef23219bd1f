import type { Page } from 'playwright-core'
import type { DealFile } from '@shared/model'
import type { Box, MapPage } from '../poms/MapPage'

/**
 * What a reader of the map checks in a walkthrough, as lists of problems (empty when right):
 * the chart's shape and overlaps, and the top bar's parts.
 */
type Deal = DealFile['deal']

export const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The lines of one kind on disk as "from → to", by names. */
export function linesByName(deal: Deal | undefined, kind: string): string[] {
  if (!deal) return []
  const name = (id: string) => deal.stakeholders.find((s) => s.id === id)?.name ?? '?'
  return deal.links.filter((l) => l.kind === kind).map((l) => `${name(l.from)} → ${name(l.to)}`).sort()
}

/** What a reader checks on the chart: managers above reports, no card overlapping or covered. */
export async function chartProblems(page: Page, map: MapPage, deal: Deal): Promise<string[]> {
  const boxes = await map.cardBoxes()
  const name = (id: string) => deal.stakeholders.find((s) => s.id === id)?.name || 'Not yet identified'
  const problems: string[] = []
  for (const l of deal.links.filter((x) => x.kind === 'reports-to')) {
    const r = boxes.get(name(l.from))
    const m = boxes.get(name(l.to))
    if (r && m && r.y < m.y + m.height) problems.push(`${name(l.from)} not below ${name(l.to)}`)
  }
  const list = [...boxes]
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (overlap(list[i][1], list[j][1])) problems.push(`${list[i][0]} overlaps ${list[j][0]}`)
  for (const sel of ['[data-testid="map-legend"]', '[data-testid="minimap"]', '.react-flow__controls']) {
    const o = await page.locator(sel).first().boundingBox()
    if (o) for (const [n, b] of list) if (overlap(b, o)) problems.push(`${n} under ${sel}`)
  }
  return problems
}

/** Boxes of the top bar's parts that must never overlap: title, badge, save state, buttons. */
export async function topBarOverlaps(page: Page): Promise<string[]> {
  // As the bar rests: a resize or a language switch settles the squeezed customer in a frame or two (renderer/app/use-squeezed.ts).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const parts = await page.locator('.top-bar > *').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect()
    return { name: `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]}`, x: r.x, y: r.y, width: r.width, height: r.height, scroll: el.scrollWidth > el.clientWidth + 1 && !el.matches('.deal-title') }
  }))
  const badge = await page.getByTestId('map-status').boundingBox()
  const out: string[] = []
  const all = badge ? [...parts, { name: 'map-status badge', ...badge, scroll: false }] : parts
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i], b = all[j]
      if (a.width > 0 && b.width > 0 && a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && !(a.name === 'map-status badge' && b.name.includes('map-status')) && !(b.name === 'map-status badge' && a.name.includes('map-status'))) out.push(`${a.name} × ${b.name}`)
    }
  }
  for (const p of parts) if (p.scroll) out.push(`${p.name} overflows its box`)
  return out
}

/**
 * The deal's name in the top bar, if it is cut off (drawn past the title's visible box, or
 * shown with an ellipsis) although it is short, or if its tooltip lacks the full name. The
 * customer after it may give way; the name may not, unless it alone is wider than `longPx`.
 */
export async function dealNameCutOff(page: Page, longPx = 320): Promise<string[]> {
  return page.getByTestId('open-deal-details').evaluate((button, long) => {
    const name = button.querySelector('.deal-name') ?? button.firstChild
    if (!name) return ['no deal name in the top bar']
    const range = document.createRange()
    range.selectNodeContents(name)
    const text = range.getBoundingClientRect()
    const box = button.getBoundingClientRect()
    const style = getComputedStyle(button)
    const visibleRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)
    const full = (name.textContent ?? '').trim()
    const out: string[] = []
    if (text.width <= long && text.right > visibleRight + 0.5) out.push(`"${full}" is cut off: its text ends at ${Math.round(text.right)}, the title shows up to ${Math.round(visibleRight)}`)
    if (!(button.getAttribute('title') ?? '').includes(full)) out.push(`the title's tooltip "${button.getAttribute('title')}" lacks the name "${full}"`)
    return out
  }, longPx)
}

/** Top-bar controls that do not fit the window (cut off at its right edge), by their names. */
export async function topBarCutOff(page: Page): Promise<string[]> {
  return page.locator('.top-bar button, .top-bar [role="status"]').evaluateAll((els) => els.flatMap((el) => {
    const r = el.getBoundingClientRect()
    if (r.width === 0) return []
    const name = el.getAttribute('aria-label') || el.getAttribute('title') || (el.textContent ?? '').trim() || el.tagName
    return r.right > window.innerWidth - 1 ? [`${name} ends at ${Math.round(r.right)} of ${window.innerWidth}`] : []
  }))
}

/**
 * Colleagues' name tags on the map that something else covers (a card drawn over them): the
 * tag is probed at its centre with pointer events on for a moment, as the tag takes none.
 */
export async function coveredNameTags(page: Page): Promise<string[]> {
  return page.locator('.remote-selection-name').evaluateAll((tags) => tags.flatMap((tag) => {
    const el = tag as HTMLElement
    const r = el.getBoundingClientRect()
    const was = el.style.pointerEvents
    el.style.pointerEvents = 'auto'
    const probes = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + r.width / 2, r.bottom - 2]]
    const covered = probes.some(([x, y]) => !el.contains(document.elementFromPoint(x, y)))
    el.style.pointerEvents = was
    return covered ? [`${el.textContent}'s name tag is covered`] : []
  }))
}

/** Map-toolbar controls (search, filters) that the Map / Table switch in its corner covers. */
export async function underViewSwitch(page: Page): Promise<string[]> {
  const sw = await page.locator('.view-bar').boundingBox()
  if (!sw) return []
  const controls = await page.locator('.map-toolbar input, .map-toolbar select, .map-toolbar button').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect()
    return { name: el.getAttribute('aria-label') || (el.textContent ?? '').trim().slice(0, 20), x: r.x, y: r.y, width: r.width, height: r.height }
  }))
  return controls.filter((c) => c.width > 0 && overlap(c, sw)).map((c) => `${c.name} under the Map / Table switch`)
}

/**
 * The customer after the deal's name, if it shows as a sliver ("· C…", a stray mark) rather
 * than as a few letters or not at all: it may give way, but whole letters or nothing. What
 * shows is its text up to the title's visible edge (or its own, when it clips itself).
 */
export async function customerSliver(page: Page, minEm = 3): Promise<string[]> {
  return page.locator('.deal-customer').evaluateAll((els, min) => els.flatMap((el) => {
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden') return []
    const range = document.createRange()
    range.selectNodeContents(el)
    const text = range.getBoundingClientRect()
    const button = el.closest('.deal-title-button') ?? el.parentElement!
    const b = button.getBoundingClientRect()
    const own = el.getBoundingClientRect()
    const edge = Math.min(b.right - parseFloat(getComputedStyle(button).paddingRight), style.overflow === 'visible' ? Infinity : own.right)
    const shown = Math.max(0, edge - text.left)
    const em = parseFloat(style.fontSize) || 16
    if (shown <= 0.5 || shown >= text.width - 1) return []
    return shown < min * em ? [`the customer shows as a sliver: ${Math.round(shown)}px of "${(el.textContent ?? '').trim()}" (${Math.round(text.width)}px)`] : []
  }), minEm)
}

/**
 * What a reader finds wrong on a shared deal's top bar as it rests (`topBarOverlaps` waits for
 * it), each prefixed with `at`: parts over
 * each other, cut off, the deal's name cut, a sliver of the customer, a refusal's words cut.
 */
export async function topBarProblems(page: Page, at: string): Promise<string[]> {
  const overlaps = await topBarOverlaps(page)
  const refused = page.locator('.collab-refused .collab-status-text') // offline: its short form stands in on a crowded bar
  const cut = (await refused.count()) > 0 && (await refused.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
  return [...overlaps, ...(await topBarCutOff(page)), ...(await dealNameCutOff(page)), ...(await customerSliver(page)), ...(cut ? ['the pill\'s words are cut off'] : [])].map((p) => `${at}: ${p}`)
}
