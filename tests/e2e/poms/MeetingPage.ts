import type { Locator, Page } from 'playwright-core'

/** Meeting mode: the full-screen, read-only presentation of the map. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('meeting-mode')
  }

  async isShown(): Promise<boolean> {
    return this.root.isVisible()
  }

  async step(): Promise<string> {
    return ((await this.page.getByTestId('meeting-step').textContent()) ?? '').trim()
  }

  /** The name in the caption: the person in the spotlight (or the customer on the overview). */
  async captionName(): Promise<string> {
    return ((await this.page.locator('.meeting-caption-name').textContent()) ?? '').trim()
  }

  async owners(): Promise<string> {
    return ((await this.page.getByTestId('meeting-owners').textContent()) ?? '').trim()
  }

  /** Names of the cards drawn at full strength (not dimmed). */
  async litCardNames(): Promise<string[]> {
    return this.root.locator('.stakeholder-card:not(.dimmed) .card-name').allTextContents()
  }
}
