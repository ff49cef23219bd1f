import type { Locator, Page } from 'playwright-core'

/** The start screen: the list of deals and its create / rename / open actions. */
export class DealsPage {
  constructor(readonly page: Page) {}

  get items(): Locator {
    return this.page.getByTestId('deal-item')
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.page.locator('.deal-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
  }

  /** Wait for the list screen (after start, a restart or "back to deals"). */
  async waitUntilShown(): Promise<this> {
    await this.page.getByTestId('new-deal').waitFor({ state: 'visible' })
    return this
  }

  /** The deal names shown, in list order. */
  async names(): Promise<string[]> {
    if (!(await this.page.getByTestId('new-deal').isVisible())) return []
    return this.page.locator('[data-testid="deal-item"] .deal-name').allTextContents()
  }

  /** Create a deal through the form; the app then opens it. */
  async create(fields: { name: string; customer?: string }): Promise<void> {
    await this.page.getByTestId('new-deal').click()
    const form = this.page.getByTestId('new-deal-form')
    const inputs = form.locator('input')
    await inputs.nth(0).fill(fields.name)
    if (fields.customer !== undefined) await inputs.nth(1).fill(fields.customer)
    await form.getByTestId('create-deal').click()
  }

  async rename(from: string, to: string): Promise<void> {
    // In rename mode the row shows an input instead of the name: hold on to it by id.
    const id = await this.dealId(from)
    if (!id) throw new Error(`No deal named "${from}" in the list`)
    const item = this.items.and(this.page.locator(`[data-deal-id="${id}"]`))
    await item.getByTestId('rename-deal').click()
    const input = item.getByTestId('rename-input')
    await input.fill(to)
    await input.press('Enter')
  }

  async open(name: string): Promise<void> {
    await this.item(name).locator('.deal-open').click()
  }

  async dealId(name: string): Promise<string | null> {
    return this.item(name).getAttribute('data-deal-id')
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
