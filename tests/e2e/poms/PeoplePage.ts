import type { Locator, Page } from 'playwright-core'

/** The people table of an open deal and the rows pasted into it. */
export class PeoplePage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByTestId('people-grid')
  }

  get rows(): Locator {
    return this.page.getByTestId('people-row')
  }

  async show(): Promise<this> {
    await this.page.getByTestId('view-table').click()
    await this.grid.waitFor({ state: 'visible' })
    return this
  }

  /** The text of one column, top to bottom. */
  async column(key: string): Promise<string[]> {
    return this.page.locator(`[data-testid="people-row"] [data-col="${key}"]`).allTextContents()
  }

  /**
   * Paste as the system clipboard would deliver Ctrl+V from a spreadsheet: a paste event with
   * text/plain on the focused table (headless Chromium has no shared system clipboard).
   */
  async paste(text: string): Promise<void> {
    await this.grid.focus()
    await this.grid.evaluate((grid, value) => {
      const data = new DataTransfer()
      data.setData('text/plain', value)
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }
}
