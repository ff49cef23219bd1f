import type { Locator, Page } from 'playwright-core'
import type { Box } from './MapPage'

/** Meeting mode: the full-screen, read-only presentation of the map. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('meeting-mode')
  }

  async isShown(): Promise<boolean> {
    return this.root.isVisible()
  }

  /** F5, as the room starts it, and what it shows on opening: the team's verdict and the map status. */
  async present(): Promise<{ verdict: string | null; mapStatus: string | null }> {
    await this.page.keyboard.press('F5')
    await this.root.waitFor({ state: 'visible' })
    return { verdict: await this.page.getByTestId('meeting-verdict').getAttribute('data-verdict'), mapStatus: await this.page.getByTestId('meeting-map-status').textContent() }
  }

  /** The Leave button, back to the editor. */
  async leave(): Promise<void> {
    await this.page.getByRole('button', { name: /Leave/ }).click()
    await this.root.waitFor({ state: 'hidden' })
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

  /** The caption's and the spotlit card's boxes once the spotlight's pan has come to rest. */
  async spotlightBoxes(): Promise<{ name: string; caption: Box | null; card: Box | null }> {
    const name = await this.captionName()
    const card = this.page.locator('.meeting-map .react-flow__node').filter({ has: this.page.locator('.card-name', { hasText: name }) }).first()
    let last = ''
    let boxes = { caption: null as Box | null, card: null as Box | null }
    for (let k = 0; k < 30; k++) {
      boxes = { caption: await this.page.getByTestId('meeting-caption').boundingBox(), card: await card.boundingBox() }
      if (JSON.stringify(boxes) === last) break
      last = JSON.stringify(boxes)
      await this.page.waitForTimeout(150)
    }
    return { name, ...boxes }
  }

  /** How many of the overview's cards lie (partly) outside the meeting map's area. */
  async cardsOffScreen(): Promise<number> {
    const area = (await this.page.getByTestId('meeting-map').boundingBox())!
    const boxes = await this.page.locator('.meeting-map .react-flow__node-stakeholder').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })))
    return boxes.filter((b) => b.x < area.x - 1 || b.y < area.y - 1 || b.x + b.width > area.x + area.width + 1 || b.y + b.height > area.y + area.height + 1).length
  }

  /** Names of the overview's cards that the customer's caption covers (partly). */
  async cardsUnderCaption(): Promise<string[]> {
    const c = await this.page.getByTestId('meeting-caption').boundingBox()
    if (!c) return []
    const cards = await this.page.locator('.meeting-map .react-flow__node-stakeholder').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect()
      return { name: e.querySelector('.card-name')?.textContent ?? '?', x: r.x, y: r.y, width: r.width, height: r.height }
    }))
    return cards.filter((b) => b.x < c.x + c.width && c.x < b.x + b.width && b.y < c.y + c.height && c.y < b.y + b.height).map((b) => b.name)
  }
}
