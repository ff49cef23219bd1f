import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

export interface Shooter {
  /** A picture of the page as it rests: fonts loaded, two frames drawn, fits and pans done. */
  shot(page: Page, name: string): Promise<void>
  /** The same picture at 1280 × 720 and at 1440 × 900 (`name-1280`, `name-1440`), refitting at each size when asked. */
  bothSizes(page: Page, name: string, refit?: () => Promise<void>): Promise<void>
}

/** Walkthrough pictures into `dir` (`<name>.png`), for a person to look at. */
export function screenshotsIn(dir: string, settleMs = 350): Shooter {
  const shot = async (page: Page, name: string) => {
    await mkdir(dir, { recursive: true })
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))))
    if (settleMs > 0) await page.waitForTimeout(settleMs) // fits and pans animate
    await page.screenshot({ path: join(dir, name.endsWith('.png') ? name : `${name}.png`), animations: 'disabled', caret: 'hide' })
  }
  return {
    shot,
    async bothSizes(page, name, refit) {
      for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
        await page.setViewportSize({ width: w, height: h })
        if (refit) await refit()
        await shot(page, `${name}-${w}`)
      }
    },
  }
}
