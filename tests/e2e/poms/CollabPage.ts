import type { Locator, Page } from 'playwright-core'

export interface Who {
  serverUrl: string
  token: string
  name: string
  email: string
}

/** Sharing as a user sees it: the share and join dialogs, the top bar's state, presence, the menu. */
export class CollabPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('collab-dialog')
  }

  async fill(who: Partial<Who> & { dealId?: string }): Promise<void> {
    for (const [field, value] of Object.entries(who)) {
      if (value !== undefined) await this.dialog.getByTestId(`collab-${field}`).fill(value)
    }
  }

  /** "Share with team…" on the open deal. */
  async share(who: Who): Promise<void> {
    await this.page.getByTestId('collab-share').click()
    await this.fill(who)
    await this.dialog.getByTestId('collab-submit').click()
  }

  /** "Join a shared deal…" from the deals list. */
  async join(who: Who, dealId: string): Promise<void> {
    await this.page.getByTestId('join-shared-deal').click()
    await this.fill({ ...who, dealId })
    await this.dialog.getByTestId('collab-submit').click()
  }

  /** connected / syncing / offline / refused, or null while the deal is private. */
  async status(): Promise<string | null> {
    const pill = this.page.getByTestId('collab-status')
    return (await pill.count()) ? pill.getAttribute('data-status') : null
  }

  async statusText(): Promise<string> {
    return ((await this.page.getByTestId('collab-status').textContent()) ?? '').trim()
  }

  /** The names on the presence avatars (their tooltips). */
  async present(): Promise<string[]> {
    return this.page.getByTestId('collab-avatar').evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''))
  }

  /** The deal id colleagues join with, from the sharing menu. */
  async dealId(): Promise<string> {
    await this.page.getByTestId('collab-menu').click()
    const id = ((await this.page.getByTestId('collab-deal-id').textContent()) ?? '').trim()
    await this.page.getByTestId('collab-menu').click()
    return id
  }

  /** Colleagues' selections outlined on the map: `name → stakeholder id`. */
  async remoteSelections(): Promise<Array<{ user: string; stakeholder: string }>> {
    return this.page.getByTestId('remote-selection').evaluateAll((els) => els.map((el) => ({ user: el.getAttribute('data-user') ?? '', stakeholder: el.getAttribute('data-stakeholder') ?? '' })))
  }
}
