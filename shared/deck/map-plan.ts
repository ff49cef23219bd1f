import type { Deal, Link, Stakeholder } from '../model'
import { orgChartPositions } from '../org-chart'
import type { Box } from '../org-chart-route'
import { boxesAsStored, MAP_AREA, MAX_SCALE, MIN_SCALE, scaleFor, size, SLIDE_CHART, type Rect } from './map-geometry'

export { busYBetween, type Rect } from './map-geometry'

/**
 * The map slides' plan: which people go on which slide, where, and how big. Pure: no
 * pptxgenjs here. See docs/slides.md.
 *
 * Where the cards stand: the positions the user's map stores, when they make a clean chart
 * (no two cards touch, no reports-to line runs behind a card). "Tidy" writes the org chart's
 * own positions, so a tidied map and a map arranged by hand both come out as the user sees
 * them; cards dropped anywhere at talking speed are laid out by `layoutOrgChart`, as Tidy
 * would. The app's pixels are scaled to the slide, cards and gaps alike.
 *
 * When the whole map cannot be shown with names at 12 pt, it is split by branch: an overview
 * with the top levels, a "see slide n" marker on each manager whose team is on a later slide,
 * then the branches, several small ones to a slide. A branch too big for one slide is split
 * the same way. No slide holds a lone card.
 */

/** Between two branches side by side on a slide, app pixels. */
const BRANCH_GAP_PX = 56

export interface PlacedCard {
  stakeholder: Stakeholder
  rect: Rect
  /** Set on a manager whose team is drawn on a later slide: that slide's index in the plan. */
  seePage?: number
}

export interface MapPage {
  kind: 'whole' | 'overview' | 'branch'
  /** The heads of the branches on a branch slide, for its title. */
  heads: Stakeholder[]
  cards: PlacedCard[]
  /** Text scale over the minimum sizes (1 … 1.4). */
  textScale: number
  /** Inches per app pixel. */
  scale: number
}

type Person = Stakeholder

interface Arranged {
  boxes: Map<string, Box>
  scale: number
}

/** A branch laid out on its own: its boxes, their top-left corner and their size. */
interface Branch {
  boxes: Map<string, Box>
  minX: number
  minY: number
  w: number
  h: number
}

/** The slides of the map, in order. Empty for a map of fewer than two people. */
export function planMap(deal: Pick<Deal, 'stakeholders' | 'links'>, area: Rect = MAP_AREA): MapPage[] {
  if (deal.stakeholders.length < 2) return []
  const people = new Map(deal.stakeholders.map((s) => [s.id, s]))
  const { managerOf } = orgChartPositions(deal, SLIDE_CHART)
  const reportsOf = new Map<string, string[]>()
  for (const s of deal.stakeholders) {
    const m = managerOf.get(s.id)
    if (m === undefined) continue
    const list = reportsOf.get(m)
    if (list) list.push(s.id)
    else reportsOf.set(m, [s.id])
  }
  const byHand = boxesAsStored(deal.stakeholders, deal.links) !== null
  const planner = new Planner(deal, people, reportsOf, area, byHand)
  const roots = deal.stakeholders.filter((s) => !managerOf.has(s.id)).map((s) => s.id)
  planner.plan(null, roots)
  planner.packBranches()
  return planner.pages
}

class Planner {
  readonly pages: MapPage[] = []
  /** Branch heads whose teams fit a slide, waiting to be packed. */
  private readonly pending: string[] = []
  /** The slide (index in the plan) each branch head's team is on. */
  private readonly markers = new Map<string, number>()

  constructor(
    private readonly deal: Pick<Deal, 'stakeholders' | 'links'>,
    private readonly people: ReadonlyMap<string, Person>,
    private readonly reportsOf: ReadonlyMap<string, string[]>,
    private readonly area: Rect,
    /** The user's own positions make a clean chart (tidied, or arranged by hand): keep them. */
    private readonly byHand: boolean,
  ) {
    this.reportsToLinks = deal.links.filter((l) => l.kind === 'reports-to')
  }

  /** Only reports-to lines shape the chart (orgChartPositions, boxesAsStored): the others are left out. */
  private readonly reportsToLinks: readonly Link[]

  /** Everyone in the subtrees of `ids`, the roots first, each subtree in the deal's order. */
  private subtree(ids: readonly string[], maxDepth = Infinity): string[] {
    const out: string[] = []
    const stack = [...ids].reverse().map((id) => ({ id, depth: 0 }))
    while (stack.length) {
      const { id, depth } = stack.pop()!
      out.push(id)
      if (depth >= maxDepth) continue
      const kids = this.reportsOf.get(id) ?? []
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i], depth: depth + 1 })
    }
    return out
  }

  /**
   * Show `head` (if any) above `units` and all that is below them, splitting as needed.
   * `units` are the head's reports, or the map's top people when there is no head.
   */
  plan(head: string | null, units: readonly string[]): void {
    const top = head === null ? [] : [head]
    const all = [...top, ...this.subtree(units)]
    // The user's own arrangement is of the whole map: kept when the whole map fits; a map
    // split by branch is laid out branch by branch (each branch laid out once, see branch()).
    const whole = head === null ? this.arrange(all, this.byHand && this.pages.length === 0) : this.arrangeBranch(head)
    if (whole) {
      this.push(head === null ? 'whole' : 'branch', head === null ? [] : [head], all, whole)
      return
    }
    // One top person: their branch is the map (no overview of a lone card).
    if (head === null && units.length === 1) {
      this.plan(units[0], this.reportsOf.get(units[0]) ?? [])
      return
    }
    // The deepest overview of the top levels that still fits.
    let overview: { ids: string[]; arranged: Arranged; depth: number } | null = null
    for (let depth = 1; ; depth++) {
      const ids = [...top, ...this.subtree(units, depth - 1)]
      const arranged = this.arrange(ids)
      if (!arranged) break
      if (ids.length < 2) continue
      overview = { ids, arranged, depth }
      if (ids.length === all.length) break
    }
    if (!overview) {
      this.chunkUnits(head, units)
      return
    }
    const shown = new Set(overview.ids)
    this.push('overview', head === null ? [] : [head], overview.ids, overview.arranged)
    // Managers on the overview whose reports are not: each leads a branch.
    const branchHeads = overview.ids.filter((id) => (this.reportsOf.get(id) ?? []).some((r) => !shown.has(r)))
    // Branches that fit a slide wait to be packed with others (see packBranches); one too
    // big for a slide alone is split the same way, its overview right after this one.
    for (const id of branchHeads) {
      if (this.shelve([id])) this.pending.push(id)
      else {
        this.markers.set(id, this.pages.length)
        this.plan(id, this.reportsOf.get(id) ?? [])
      }
    }
  }

  /**
   * First fit over every branch waiting, in the order the overviews name them: each joins
   * the first slide it fits on, so small teams fill the room big ones leave.
   */
  packBranches(): void {
    const groups: string[][] = []
    for (const id of this.pending) {
      const group = groups.find((heads) => this.shelve([...heads, id]) !== null)
      if (group) group.push(id)
      else groups.push([id])
    }
    for (const heads of groups) {
      const index = this.push('branch', heads, this.subtree(heads), this.arrangeRow(heads)!)
      for (const id of heads) this.markers.set(id, index)
    }
    for (const page of this.pages) {
      if (page.kind === 'branch') continue
      for (const card of page.cards) {
        const index = this.markers.get(card.stakeholder.id)
        if (index !== undefined && !page.heads.some((h) => h.id === card.stakeholder.id)) card.seePage = index
      }
    }
  }

  /**
   * Too many people side by side even for an overview (a manager with forty reports, a map
   * with no lines): the units in balanced slides, the head repeated on each.
   */
  private chunkUnits(head: string | null, units: readonly string[]): void {
    const top = head === null ? [] : [head]
    let perSlide = units.length
    while (perSlide > 1 && !this.arrange([...top, ...units.slice(0, perSlide)])) perSlide = Math.max(1, Math.floor(perSlide * 0.8))
    // Never one person alone on a slide: with no head, at least two per slide.
    if (head === null) perSlide = Math.max(2, perSlide)
    const slides = Math.ceil(units.length / perSlide)
    const size = Math.ceil(units.length / slides)
    for (let i = 0; i < units.length; i += size) {
      const chunk = units.slice(i, i + size)
      const ids = [...top, ...chunk]
      const arranged = this.arrange(ids) ?? this.arrangeAnyway(ids)
      this.push('overview', head === null ? [] : [head], ids, arranged)
      for (const id of chunk.filter((id) => (this.reportsOf.get(id) ?? []).length > 0)) {
        if (this.shelve([id])) this.pending.push(id)
        else {
          this.markers.set(id, this.pages.length)
          this.plan(id, this.reportsOf.get(id) ?? [])
        }
      }
    }
  }

  private push(kind: MapPage['kind'], heads: readonly string[], ids: readonly string[], arranged: Arranged): number {
    const { boxes, scale } = arranged
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
    for (const b of boxes.values()) {
      minX = Math.min(minX, b.x); minY = Math.min(minY, b.y)
      maxX = Math.max(maxX, b.x + b.width); maxY = Math.max(maxY, b.y + b.height)
    }
    const left = this.area.x + (this.area.w - (maxX - minX) * scale) / 2
    const top = this.area.y + (this.area.h - (maxY - minY) * scale) / 2
    const cards = ids.map((id) => {
      const b = boxes.get(id)!
      return { stakeholder: this.people.get(id)!, rect: { x: left + (b.x - minX) * scale, y: top + (b.y - minY) * scale, w: b.width * scale, h: b.height * scale } }
    })
    this.pages.push({ kind, heads: heads.map((id) => this.people.get(id)!), cards, scale, textScale: Math.min(MAX_SCALE, scale) / MIN_SCALE })
    return this.pages.length - 1
  }

  /** The cards of these people at a readable scale, or null if they do not fit on one slide. */
  private arrange(ids: readonly string[], asStored = false): Arranged | null {
    if (ids.length === 0) return null
    const stored = asStored ? boxesAsStored(ids.map((id) => this.people.get(id)!), this.linksAmong(ids)) : null
    if (stored) {
      const scale = scaleFor(stored, this.area)
      if (scale >= MIN_SCALE) return { boxes: stored, scale }
    }
    const laid = this.laidOut(ids)
    const scale = scaleFor(laid, this.area)
    return scale >= MIN_SCALE ? { boxes: laid, scale } : null
  }

  /**
   * Branches side by side, each laid out on its own, tops aligned: how an org-chart deck
   * shows several teams on one slide. Null if they do not fit.
   */
  private arrangeRow(heads: readonly string[]): Arranged | null {
    const shelves = this.shelve(heads)
    if (!shelves) return null
    const boxes = new Map<string, Box>()
    for (const { head, x, y } of shelves.placed) {
      const { boxes: tree, minX, minY } = this.branch(head)
      for (const [id, b] of tree) boxes.set(id, { ...b, x: b.x - minX + x, y: b.y - minY + y })
    }
    return { boxes, scale: shelves.scale }
  }

  /**
   * Where each branch of a row goes, from the branches' extents alone, or null if the row
   * does not fit. First-fit packing asks this for every waiting branch against every slide
   * (thousands of times for 1,000 people): copying the branches' boxes for each question was
   * most of the map's planning time (docs/performance.md, "Deck, part 2"). The layout's
   * positions and card sizes are whole pixels, so the extents give the same scale as the boxes.
   */
  private shelve(heads: readonly string[]): { placed: Array<{ head: string; x: number; y: number }>; scale: number } | null {
    // Shelves as wide as the slide holds at the smallest scale; a branch that would pass
    // the edge starts the next shelf.
    const maxWidth = this.area.w / MIN_SCALE
    const placed: Array<{ head: string; x: number; y: number }> = []
    let x = 0
    let shelfTop = 0
    let shelfHeight = 0
    let right = 0
    let bottom = 0
    for (const head of heads) {
      const { w, h } = this.branch(head)
      if (x > 0 && x + w > maxWidth) {
        shelfTop += shelfHeight + BRANCH_GAP_PX
        x = 0
        shelfHeight = 0
      }
      placed.push({ head, x, y: shelfTop })
      right = Math.max(right, x + w)
      bottom = Math.max(bottom, shelfTop + h)
      x += w + BRANCH_GAP_PX
      shelfHeight = Math.max(shelfHeight, h)
    }
    const scale = Math.min(this.area.w / right, this.area.h / bottom, MAX_SCALE)
    return scale >= MIN_SCALE ? { placed, scale } : null
  }

  private readonly branchCache = new Map<string, Branch>()

  /** One branch's cards, laid out as its own org chart, with its extent. */
  private branch(head: string): Branch {
    let branch = this.branchCache.get(head)
    if (!branch) {
      const boxes = this.laidOut(this.subtree([head]))
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity
      for (const b of boxes.values()) {
        minX = Math.min(minX, b.x); maxX = Math.max(maxX, b.x + b.width)
        minY = Math.min(minY, b.y); maxY = Math.max(maxY, b.y + b.height)
      }
      branch = { boxes, minX, minY, w: maxX - minX, h: maxY - minY }
      this.branchCache.set(head, branch)
    }
    return branch
  }

  /** One branch alone (`head` and everyone under them), or null if it does not fit a slide. */
  private arrangeBranch(head: string): Arranged | null {
    const { boxes, w, h } = this.branch(head)
    const scale = Math.min(this.area.w / w, this.area.h / h, MAX_SCALE)
    return scale >= MIN_SCALE ? { boxes, scale } : null
  }

  /** A single report wider than the slide at 12 pt cannot happen with the app's card sizes; kept total. */
  private arrangeAnyway(ids: readonly string[]): Arranged {
    const laid = this.laidOut(ids)
    return { boxes: laid, scale: Math.max(MIN_SCALE, scaleFor(laid, this.area)) }
  }

  private laidOut(ids: readonly string[]): Map<string, Box> {
    const stakeholders = ids.map((id) => this.people.get(id)!)
    const { positions } = orgChartPositions({ stakeholders, links: this.linksAmong(ids) }, SLIDE_CHART)
    const boxes = new Map<string, Box>()
    for (const { id, position } of positions) {
      const { width, height } = size(this.people.get(id)!)
      boxes.set(id, { x: position.x, y: position.y, width, height })
    }
    return boxes
  }

  private linksAmong(ids: readonly string[]): Link[] {
    const set = new Set(ids)
    return this.reportsToLinks.filter((l) => set.has(l.from) && set.has(l.to))
  }
}
