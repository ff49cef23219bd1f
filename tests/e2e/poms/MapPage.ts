import type { Locator, Page } from 'playwright-core'

/** A card's box on screen (CSS pixels). */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/** An open deal: its title bar and the stakeholder map. */
export class MapPage {
  constructor(readonly page: Page) {}

  get map(): Locator {
    return this.page.getByTestId('stakeholder-map')
  }

  get cards(): Locator {
    return this.page.getByTestId('stakeholder-card')
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.locator('.card-name', { hasText: name }) })
  }

  async waitUntilShown(): Promise<this> {
    await this.map.waitFor({ state: 'visible' })
    return this
  }

  /** "Deal name · Customer" as the title bar shows it; empty when no deal is open. */
  async title(): Promise<string> {
    const title = this.page.getByTestId('deal-title')
    // As read: the customer's separator is a no-break space (it opens a flex item, where a plain one collapses).
    return (await title.isVisible()) ? ((await title.textContent()) ?? '').replace(/\s+/g, ' ').trim() : ''
  }

  /** Names on the cards that are drawn and visible on screen. */
  async visibleCardNames(): Promise<string[]> {
    const names = this.page.locator('[data-testid="stakeholder-card"] .card-name')
    const all = await names.all()
    const visible = await Promise.all(all.map(async (n) => ((await n.isVisible()) ? ((await n.textContent()) ?? '').trim() : null)))
    return visible.filter((n): n is string => n !== null)
  }

  /** Saved / saving / error, as the save indicator reports it. */
  async saveStatus(): Promise<string | null> {
    return this.page.getByTestId('save-indicator').getAttribute('data-status')
  }

  async backToDeals(): Promise<void> {
    await this.page.getByTestId('back-to-deals').click()
  }

  /**
   * The map's pan/zoom transform. Fit-to-view may animate; callers poll this until two reads
   * agree before taking a picture.
   */
  async viewportTransform(): Promise<string> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform)
  }

  /** A picture of the whole window once the map has stopped moving. */
  async screenshot(path: string): Promise<void> {
    let previous = ''
    for (let i = 0; i < 50; i++) {
      const current = await this.viewportTransform()
      if (current === previous && current !== 'none') break
      previous = current
      await this.page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))))
    }
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined))
    await this.page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  }

  // ——— Editing the map (map-editor spec) ———

  /** The React Flow node that wraps a card (it holds focus and the selected state). */
  node(name: string): Locator {
    const nodes = this.page.locator('.react-flow__node-stakeholder')
    // A card being named shows its name in the field on the card (React mirrors the value attribute).
    return nodes.filter({ has: this.page.locator('div.card-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
      .or(nodes.filter({ has: this.page.locator(`input.card-name[value="${name.replace(/"/g, '\\"')}"]`) }))
  }

  /** The nodes of seats not yet named (placeholders), or of named people with `named`. */
  seatNodes(named = false): Locator {
    const placeholder = this.page.locator('.stakeholder-card.placeholder')
    return this.page.locator('.react-flow__node-stakeholder').filter(named ? { hasNot: placeholder } : { has: placeholder })
  }

  /** The CSS border style of a node's card: dashed marks a seat not yet identified. */
  cardBorder(node: Locator): Promise<string> {
    return node.locator('.stakeholder-card').first().evaluate((el) => getComputedStyle(el).borderTopStyle)
  }

  get inspector(): Locator {
    return this.page.getByTestId('stakeholder-inspector')
  }

  inspectorField(field: 'name' | 'title' | 'department' | 'buyingRole' | 'stance' | 'influence' | 'notes' | 'favoredCompetitor'): Locator {
    return this.inspector.getByTestId(`field-${field}`)
  }

  /** The message shown under an inspector field that refused its value. */
  fieldError(field: 'name' | 'title' | 'department'): Locator {
    return this.inspector.locator('.field').filter({ has: this.page.getByTestId(`field-${field}`) }).locator('.field-error')
  }

  /** The lines drawn on the canvas, as React Flow renders them. */
  get lines(): Locator {
    return this.page.locator('.react-flow__edge')
  }

  /** Click an empty spot of the canvas (clears the selection, takes focus off the inspector). */
  async clickEmptyCanvas(at?: { x: number; y: number }): Promise<void> {
    const spot = at ?? (await this.emptySpot())
    await this.page.mouse.click(spot.x, spot.y)
  }

  /** A point on the canvas (screen coordinates) with no card, line or overlay under it. */
  async emptySpot(): Promise<{ x: number; y: number }> {
    const pane = await this.page.locator('.react-flow__pane').boundingBox()
    if (!pane) throw new Error('The map canvas is not shown')
    const candidates: Array<{ x: number; y: number }> = []
    for (let fy = 0.2; fy <= 0.8; fy += 0.15) for (let fx = 0.1; fx <= 0.9; fx += 0.1) candidates.push({ x: pane.x + pane.width * fx, y: pane.y + pane.height * fy })
    for (const p of candidates) {
      const onPane = await this.page.evaluate(({ x, y }) => {
        const hit = document.elementFromPoint(x, y)
        return !!hit && hit.classList.contains('react-flow__pane') && !document.elementsFromPoint(x, y).some((el) => el.closest('.react-flow__node, .react-flow__edge, .react-flow__minimap, .react-flow__controls'))
      }, p)
      if (onPane) return p
    }
    throw new Error('No empty spot on the canvas')
  }

  /** Add a person with the toolbar's "Add person" button. */
  async addWithToolbar(): Promise<void> {
    await this.page.getByTestId('action-add-stakeholder').click()
  }

  /** Type into an inspector text field as a user would (replacing what is there), then leave it. */
  async typeInField(field: 'name' | 'title' | 'department' | 'notes' | 'favoredCompetitor', value: string): Promise<void> {
    const input = this.inspectorField(field)
    await input.fill(value)
    await input.blur()
  }

  async chooseInField(field: 'buyingRole' | 'stance' | 'influence', value: string): Promise<void> {
    await this.inspectorField(field).selectOption(value)
  }

  /**
   * Drag from the dot under `fromName`'s card and drop on `toName`'s card: on the middle of the
   * card (default) or right on the dot at its top.
   */
  async drawLine(fromName: string, toName: string, dropOn: 'card' | 'dot' = 'card'): Promise<void> {
    await this.dragFromDot(fromName, 'bottom', dropOn === 'card' ? this.node(toName) : this.node(toName).locator('.react-flow__handle-top'))
  }

  /** Drag from the dot on one side of `fromName`'s card and drop on the middle of `toName`'s card. */
  async drawLineFromSide(fromName: string, side: 'left' | 'right' | 'top' | 'bottom', toName: string): Promise<void> {
    await this.dragFromDot(fromName, side, this.node(toName))
  }

  private async dragFromDot(fromName: string, side: 'left' | 'right' | 'top' | 'bottom', drop: Locator): Promise<void> {
    const handle = this.node(fromName).locator(`.react-flow__handle-${side}`)
    await this.node(fromName).hover() // the handles light up on hover, as for a user
    const start = await center(handle)
    const end = await center(drop)
    await this.page.mouse.move(start.x, start.y)
    await this.page.mouse.down()
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 })
    await this.page.mouse.move(end.x, end.y, { steps: 8 })
    await this.page.mouse.up()
  }

  /**
   * Count, from now on, every moment the reports-to loop warning is in the page (a flash
   * between two polls is caught too). Read it with `cycleWarningSeen()`.
   */
  async watchCycleWarning(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __cycleSeen: number; __cycleObserver?: MutationObserver }
      w.__cycleSeen = document.querySelector('[data-testid="cycle-warning"]') ? 1 : 0
      w.__cycleObserver?.disconnect()
      w.__cycleObserver = new MutationObserver(() => {
        if (document.querySelector('[data-testid="cycle-warning"]')) w.__cycleSeen++
      })
      w.__cycleObserver.observe(document.body, { childList: true, subtree: true })
    })
  }

  async cycleWarningSeen(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __cycleSeen: number }).__cycleSeen)
  }

  /** The card boxes on screen, by name. */
  async cardBoxes(): Promise<Map<string, Box>> {
    const boxes = new Map<string, Box>()
    for (const node of await this.page.locator('.react-flow__node-stakeholder').all()) {
      const name = ((await node.locator('.card-name').textContent()) ?? '').trim()
      const box = await node.boundingBox()
      if (box) boxes.set(name, box)
    }
    return boxes
  }

  /** Find a person with the search box and pick the first hit with Enter. */
  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('map-search')
    await box.fill(text)
    await this.page.getByTestId('search-results').locator('[role="option"]').first().waitFor({ state: 'visible' })
    await box.press('Enter')
  }

  /** The id of the card that has keyboard focus, if a card has it. */
  async focusedCardId(): Promise<string | null> {
    return this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.react-flow__node-stakeholder')?.dataset.id ?? null)
  }
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('Not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
