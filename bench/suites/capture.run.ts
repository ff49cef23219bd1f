/**
 * "20 people entered by keyboard": keystrokes and wall time from an empty deal, on the built
 * renderer in Chromium (window.api bridged to main's handlers over real files), the people
 * typed on their cards as a meeting names them (tests/e2e/poms/CapturePage.ts). Baseline: the
 * same people on the UI before capture on the card (bench/lib/capture-before.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openApp } from '../lib/browser'
import { benchWants } from '../lib/only'
import { median, round, row, writePartial, type Row } from '../lib/stats'
import { CAPTURE_BEFORE } from '../lib/capture-before'
import { CapturePage, HOSPITAL_ORG } from '../../tests/e2e/poms/CapturePage'
import { DealsPage } from '../../tests/e2e/poms/DealsPage'
import { MapPage } from '../../tests/e2e/poms/MapPage'

const REPS = process.env.BENCH_QUICK ? 1 : 3
const rows: Row[] = []
const dirs: string[] = []
let browser: Browser

beforeAll(async () => {
  if (benchWants('capture')) browser = await launchBrowser()
})
afterAll(async () => {
  writePartial('capture', rows)
  await browser?.close()
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

describe.skipIf(!benchWants('capture'))('capture', () => {
  it('20 people entered by keyboard', async () => {
    const runs: Array<{ keys: number; clicks: number; letters: number; ms: number }> = []
    for (let i = 0; i < REPS; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'war-room-bench-capture-'))
      dirs.push(dir)
      const opened = await openApp(browser, join(dir, 'data'))
      try {
        const deals = await new DealsPage(opened.page).waitUntilShown()
        await deals.create({ name: `Capture ${i}` })
        await new MapPage(opened.page).waitUntilShown()
        await opened.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
        const capture = new CapturePage(opened.page)
        const started = performance.now()
        await capture.enterOrg(HOSPITAL_ORG)
        await opened.page.waitForFunction(() => document.querySelectorAll("[data-testid=inline-editor]").length === 0)
        runs.push({ ...capture.effort, ms: performance.now() - started })
      } finally {
        await opened.close()
      }
    }
    const keys = runs[0].keys + runs[0].clicks
    const before = CAPTURE_BEFORE.keys + CAPTURE_BEFORE.clicks + CAPTURE_BEFORE.scrolls
    const note = `Keys pressed (a typed letter is one) plus clicks, for the ${HOSPITAL_ORG.length}-person hospital org typed on the cards (Enter / Shift+Enter / Ctrl+Enter, Tab, no mouse). Baseline: the same people on commit ${CAPTURE_BEFORE.commit} (${CAPTURE_BEFORE.keys} keys, ${CAPTURE_BEFORE.clicks} clicks, ${CAPTURE_BEFORE.scrolls} scrolls), bench/lib/capture-before.ts`
    rows.push(row({
      id: 'capture-20-keys', what: '20 people entered by keyboard: keystrokes and clicks from an empty deal', ours: keys, baseline: before, unit: 'inputs',
      target: 'fewer than before', pass: keys < before, note,
      detail: {
        keysPerPerson: round(keys / HOSPITAL_ORG.length), beforePerPerson: round(before / HOSPITAL_ORG.length),
        // Beyond the letters of what is said: the cost of getting around the UI.
        overheadPerPerson: round((keys - runs[0].letters) / HOSPITAL_ORG.length),
        beforeOverheadPerPerson: round((before - CAPTURE_BEFORE.letters) / HOSPITAL_ORG.length),
        runs,
      },
    }))
    const ms = median(runs.map((r) => r.ms))
    rows.push(row({
      id: 'capture-20-ms', what: '20 people entered by keyboard: wall time from an empty deal (scripted typing, no think time)', ours: round(ms), baseline: CAPTURE_BEFORE.ms, unit: 'ms',
      target: 'measured (no budget)', pass: null, note: `${REPS} runs, median; the baseline is one scripted run on ${CAPTURE_BEFORE.commit}`,
    }))
  })
})
