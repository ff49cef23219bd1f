import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../harness/app'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const SHOTS = resolve(import.meta.dirname, '../../../docs/screenshots')

/** A fresh deal has no people yet: the deck leaves out what would be empty and the dialog says why. */
describe('exporting a deal with nothing on the map yet', () => {
  let app: App
  beforeAll(async () => {
    app = await openApp()
    await mkdir(SHOTS, { recursive: true })
  })
  afterAll(() => app?.close())

  for (const language of ['en', 'zh-CN'] as const) {
    it(`lists the slides left out and why, in ${language}`, async () => {
      if (app.mode === 'electron') return // the native save dialog is not ours to answer
      const page = app.page
      const deals = new DealsPage(page)
      await deals.waitUntilShown()
      await page.getByTestId('language-select').selectOption(language)
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language)
      const name = `Fresh pursuit ${language}`
      await deals.create({ name, customer: 'New Co' })
      await new MapPage(page).waitUntilShown()
      await app.sendMenuAction('deal.export-slides')
      const dialog = page.getByTestId('export-dialog')
      await dialog.waitFor({ state: 'visible' })
      await dialog.getByTestId('export-run').click()
      const skipped = dialog.getByTestId('export-skipped')
      await skipped.waitFor({ state: 'visible', timeout: 30_000 })
      const text = await skipped.textContent()
      if (language === 'en') {
        expect(text).toContain('Left out of the deck:')
        expect(text).toContain('Stakeholder map: No stakeholders on the map yet')
      } else {
        expect(text).toContain('以下幻灯片未放入：')
        expect(text).toContain('关系图上还没有客户人员')
      }
      for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width, height })
        await page.screenshot({ path: resolve(SHOTS, `export-skipped-${width}-${language}.png`), animations: 'disabled', caret: 'hide' })
      }
      await dialog.getByRole('button', { name: language === 'en' ? 'Close' : '关闭' }).click()
      await new MapPage(page).backToDeals()
    })
  }
})
