import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

/** The team side panel: verdict, lanes (control / support / attack), findings and fixes. */
export class TeamPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('team-panel')
  }

  async show(): Promise<this> {
    await this.page.getByTestId('tab-team').click()
    await this.panel.waitFor({ state: 'visible' })
    return this
  }

  async verdict(): Promise<string | null> {
    return this.page.getByTestId('team-verdict').getAttribute('data-verdict')
  }

  lane(role: 'control' | 'support' | 'attack'): Locator {
    return this.page.getByTestId(`lane-${role}`)
  }

  /** Names seated in a lane, in order. */
  async seatedNames(role: 'control' | 'support' | 'attack'): Promise<string[]> {
    return this.lane(role).locator('[data-testid="seat"] .seller-chip-name').allTextContents()
  }

  /** Drag a seller chip from the roster strip onto a lane. */
  async dragSellerToLane(name: string, role: 'control' | 'support' | 'attack'): Promise<void> {
    await this.rosterChip(name).dragTo(this.lane(role))
  }

  async pickSeller(role: 'control' | 'support' | 'attack', name: string): Promise<void> {
    const picker = this.page.getByTestId(`lane-picker-${role}`)
    const value = await picker.locator('option', { hasText: name }).getAttribute('value')
    if (!value) throw new Error(`${name} is not offered for ${role}`)
    await picker.selectOption(value)
  }

  /** Take everyone off every seat with the × buttons, one at a time, each gone before the next. */
  async clearSeats(): Promise<void> {
    const removes = this.panel.getByTestId('seat-remove')
    for (let left = await removes.count(); left > 0; left--) {
      await removes.first().click()
      // The lanes redraw from the deferred analysis: the button just clicked stays a frame.
      await expect.poll(() => removes.count()).toBe(left - 1)
    }
  }

  rosterChip(name: string): Locator {
    return this.page.getByTestId('roster-strip').getByTestId('seller-chip').filter({ hasText: name })
  }

  findings(code?: string): Locator {
    const all = this.page.getByTestId('team-finding')
    return code ? all.and(this.page.locator(`[data-code="${code}"]`)) : all
  }

  async findingCodes(): Promise<string[]> {
    return this.findings().evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))
  }
}

/** The roster dialog: sellers across the workspace. */
export class RosterPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('roster-dialog')
  }

  async openFromDeals(): Promise<this> {
    await this.page.getByTestId('open-roster').click()
    await this.dialog.waitFor({ state: 'visible' })
    return this
  }

  async startNew(): Promise<void> {
    await this.dialog.getByTestId('roster-new').click()
  }

  async fill(fields: { name?: string; email?: string; level?: string; kinds?: Array<'account' | 'solution' | 'project'> }): Promise<void> {
    const d = this.dialog
    if (fields.name !== undefined) await d.getByTestId('seller-name').fill(fields.name)
    if (fields.email !== undefined) await d.getByTestId('seller-email').fill(fields.email)
    if (fields.level !== undefined) await d.getByTestId('seller-level').selectOption(fields.level)
    if (fields.kinds) {
      for (const kind of ['account', 'solution', 'project'] as const) {
        await d.getByTestId(`seller-kind-${kind}`).setChecked(fields.kinds.includes(kind))
      }
    }
  }

  async save(): Promise<void> {
    await this.dialog.getByTestId('seller-save').click()
  }

  error(field: 'name' | 'email' | 'kinds'): Locator {
    return this.dialog.getByTestId(`seller-${field}-error`)
  }

  async names(): Promise<string[]> {
    return this.dialog.locator('[data-testid="roster-item"] .roster-item-name').allTextContents()
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('roster-close').click()
    await this.dialog.waitFor({ state: 'detached' })
  }
}
