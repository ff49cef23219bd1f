import type { Locator, Page } from 'playwright-core'

/** The "Restore from backup…" dialog of an open deal. */
export class RestoreBackupPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('restore-backup-dialog')
  }

  get rows(): Locator {
    return this.dialog.getByTestId('backup-row')
  }

  /** Each backup as the dialog lists it: its date, size and state cells, and whether it can be chosen. */
  async listed(): Promise<Array<{ id: string; cells: string[]; valid: boolean }>> {
    const rows = await this.rows.all()
    return Promise.all(
      rows.map(async (row) => ({
        id: (await row.getAttribute('data-backup-id')) ?? '',
        cells: (await row.locator('td').allTextContents()).slice(1).map((c) => c.trim()),
        valid: (await row.getAttribute('data-valid')) === 'true',
      })),
    )
  }

  /** Choose a backup, press Restore…, then confirm. */
  async restore(id: string): Promise<void> {
    await this.dialog.locator(`[data-backup-id="${id}"] input[type=radio]`).check()
    await this.dialog.getByTestId('restore-choose').click()
    await this.dialog.getByTestId('restore-confirm').click()
  }
}
