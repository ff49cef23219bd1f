import type { Locator, Page } from 'playwright-core'

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
    return (await title.isVisible()) ? ((await title.textContent()) ?? '').trim() : ''
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
}
