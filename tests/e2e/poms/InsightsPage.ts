import type { Locator, Page } from 'playwright-core'

/** The insights panel, the relationship heatmap and the relationship bits of cards and inspector. */
export class InsightsPage {
  constructor(readonly page: Page) {}

  card(stakeholderId: string): Locator {
    return this.page.locator(`[data-testid="stakeholder-card"][data-stakeholder-id="${stakeholderId}"]`)
  }

  /** Whether the card shows the stale badge. */
  async isStale(stakeholderId: string): Promise<boolean> {
    return (await this.card(stakeholderId).getByTestId('strength-slot').getAttribute('data-stale')) === 'true'
  }

  async mapStatus(): Promise<string | null> {
    return this.page.getByTestId('map-status').getAttribute('data-status')
  }

  async openTab(id: 'insights' | 'heatmap' | 'inspector'): Promise<void> {
    await this.page.getByTestId(`tab-${id}`).click()
  }

  /** The finding codes shown for a person (insights panel open), a merged finding's reasons included. */
  async findingCodesFor(stakeholderId: string): Promise<string[]> {
    const findings = this.page.locator(`[data-testid="finding"][data-stakeholders~="${stakeholderId}"]`)
    return findings.evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-codes') ?? '').split(' ')))
  }

  /** The top bar's status line, e.g. "Green · 1 serious · 8 warnings". */
  async mapStatusLine(): Promise<string> {
    return (await this.page.getByTestId('map-status-line').textContent()) ?? ''
  }

  /** Click the badge: what each map status means opens below it. */
  async openMapStatusDefinition(): Promise<Locator> {
    await this.page.getByTestId('map-status').click()
    const definition = this.page.getByTestId('map-status-definition')
    await definition.waitFor({ state: 'visible' })
    return definition
  }

  /** Select the person's card and log a contact through the `L` shortcut with the form's defaults. */
  async logContactWithShortcut(stakeholderId: string, note: string): Promise<void> {
    await this.card(stakeholderId).click()
    await this.page.keyboard.press('l')
    const form = this.page.getByTestId('contact-form')
    await form.waitFor({ state: 'visible' })
    await form.getByTestId('contact-note').fill(note)
    await form.getByTestId('contact-save').click()
  }

  heatmapRow(stakeholderId: string): Locator {
    return this.page.locator(`[data-testid="heatmap-row"][data-stakeholder-id="${stakeholderId}"]`).first()
  }

  heatmapCell(stakeholderId: string, element: string): Locator {
    return this.heatmapRow(stakeholderId).locator(`[data-element="${element}"]`)
  }

  /** Click a cell and type a score into it. */
  async typeScore(stakeholderId: string, element: string, score: number): Promise<void> {
    await this.heatmapCell(stakeholderId, element).click()
    await this.page.keyboard.press(String(score))
  }

  async setStanceInHeatmap(stakeholderId: string, stance: string): Promise<void> {
    await this.heatmapRow(stakeholderId).getByTestId('heatmap-stance').selectOption(stance)
  }
}
