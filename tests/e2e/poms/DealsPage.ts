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
  /** The new-deal form, filled in as typed (the amount as the user writes it, "4,200,000"), then Create; `beforeCreate` sees it filled. */
  async create(fields: NewDealFields, beforeCreate?: () => Promise<void>): Promise<void> {
    await this.page.getByTestId('new-deal').click()
    const form = this.page.getByTestId('new-deal-form')
    await form.getByTestId('facts-name').fill(fields.name)
    if (fields.customer !== undefined) await form.getByTestId('facts-customer').fill(fields.customer)
    if (fields.amount !== undefined) await form.getByTestId('facts-amount').fill(fields.amount)
    if (fields.currency !== undefined) await form.getByTestId('facts-currency').selectOption(fields.currency)
    if (fields.stage !== undefined) await form.getByTestId('facts-stage').selectOption(fields.stage)
    if (fields.closeDate !== undefined) await form.getByTestId('facts-close-date').fill(fields.closeDate)
    const competitor = form.getByTestId('facts-competitor-input')
    for (const name of fields.competitors ?? []) {
      await competitor.fill(name)
      await competitor.press('Enter')
    }
    if (beforeCreate) await beforeCreate()
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

export interface NewDealFields {
  name: string
  customer?: string
  amount?: string
  currency?: string
  stage?: string
  closeDate?: string
  competitors?: string[]
}
