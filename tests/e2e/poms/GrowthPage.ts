import type { Locator, Page } from 'playwright-core'

/** A seller's growth profile dialog (renderer/growth). */
export class GrowthPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('growth-dialog')
  }

  /** Open it from the roster dialog (which must be open) for the seller with this id. */
  async openFromRoster(sellerId: string): Promise<this> {
    const roster = this.page.getByTestId('roster-dialog')
    await roster.locator(`[data-testid="roster-item"][data-seller-id="${sellerId}"]`).click()
    await roster.getByTestId('seller-growth-open').click()
    await this.dialog.getByTestId('growth-next-soul').waitFor({ state: 'visible' })
    return this
  }

  async nextSoul(): Promise<string | null> {
    return this.dialog.getByTestId('growth-next-soul').getAttribute('data-role')
  }

  async learningDeals(): Promise<string[]> {
    return this.dialog.locator('[data-testid="growth-learning"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-deal-id') ?? ''))
  }

  score(trait: string, score: number): Locator {
    return this.dialog.locator(`[data-testid="growth-trait"][data-trait="${trait}"] [data-score="${score}"]`)
  }

  async save(): Promise<void> {
    await this.dialog.getByTestId('growth-save').click()
    await this.dialog.getByTestId('growth-saved').waitFor({ state: 'visible' })
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('growth-close').click()
    await this.dialog.waitFor({ state: 'detached' })
  }
}
