/**
 * Node-side rows: save through the store, the deal analysis, the deck export. Each is timed
 * side by side with its baseline in the same process, after warm-ups, and reported as medians.
 */
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import JSZip from 'jszip'
import PptxGenJS from 'pptxgenjs'
import { analyzeDeal } from '@shared/analysis'
import { parseCrmCsv, planCrmImport } from '@shared/import'
import { changesBetween, newDeal, parseDealFile } from '@shared/model'
import { hostileDealFileText } from '../../tests/fixtures/hostile-deal'
import { buildDeck, SLIDE_IDS } from '@shared/deck'
import { applyTemplate } from '@shared/deck/template'
import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import type { Deal, DealChanges, DealFile } from '@shared/model'
import type { ChannelResults, Result } from '@shared/ipc'
import { createHandlers } from '../../electron/main/handlers'
import { invokeChannel } from '../../electron/main/ipc'
import { serializeJson } from '../../electron/main/store/durable-json-file'
import { generateDeal } from '../../tests/fixtures/generate-large-deal'
import { layoutDeal } from '@shared/layout'
import { layoutDeal as elkLayoutBefore } from '../baseline/elk-layout-9af4a4d'
import { benchWants } from '../lib/only'
import { logLogSlope, median, round, row, timePaired, timeRuns, writePartial, type Row } from '../lib/stats'

const TODAY = '2026-03-01'
// The goals of issue #18 (docs/performance.md): ratios against the peer measured in the same run.
const SAVE_RATIO = 1.5
const DECK_RATIO = 1.2
const ANALYSIS_MS = 5
const ANALYSIS_SLOPE = 1.1
const rows: Row[] = []
const dirs: string[] = []

afterAll(async () => {
  writePartial('node', rows)
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

/** A generated deal whose file is about `bytes` long (the generator's people are ~1.2 KB each). */
function dealOfSize(bytes: number): { file: DealFile; size: number } {
  const probe = serializeJson(generateDeal({ stakeholders: 500, seed: 11 })).length / 500
  const file = generateDeal({ stakeholders: Math.round(bytes / probe), seed: 11 })
  return { file, size: Buffer.byteLength(serializeJson(file)) }
}

/** The baseline: the same bytes, one writeFile and one fsync, no validation, no rename. */
async function plainWrite(path: string, bytes: string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** A data folder whose app (a handler table, as main has) has opened `file`'s deal; the revision it answered. */
async function openedThroughIpc(file: DealFile, prefix: string) {
  // The system temp folder is on the same disk as the repository here (no tmpfs).
  const dir = await mkdtemp(join(tmpdir(), prefix))
  dirs.push(dir)
  const handlers = createHandlers({ dataDir: join(dir, 'data'), dialogs: { saveFile: async () => null, openFile: async () => null } })
  const imported = await invokeChannel(handlers, 'deal:import', [serializeJson(file), { asCopy: false }])
  if (!imported.ok) throw new Error(imported.error.message)
  const opened = (await invokeChannel(handlers, 'deal:open', [file.deal.id])) as Result<ChannelResults['deal:open']>
  if (!opened.ok) throw new Error(opened.error.message)
  return { dir, handlers, opened: opened.value }
}

describe.skipIf(!benchWants('save'))('save', () => {
  for (const [label, bytes, budgetMs] of [['1 MB', 1_000_000, 20], ['5 MB', 5_000_000, null]] as const) {
    it(`saves a ${label} deal as the page's autosave does`, async () => {
      const { file, size } = dealOfSize(bytes)
      const { dir, handlers, opened } = await openedThroughIpc(file, 'war-room-bench-save-')
      // The page's deal (new objects, as IPC delivers them) and the revision main answered.
      let deal = JSON.parse(JSON.stringify(opened.deal)) as Deal
      let revision = opened.revision!
      let edit = 0
      // Every save moves one card, as an autosave after a drag would: what the page sends is
      // what renderer/state/deal-sender.ts sends (changesBetween: the deal's fields, the moved
      // card and its position), structured-cloned as IPC does; main rebuilds, validates and
      // writes the whole deal.
      const ours = async () => {
        edit++
        const [first, ...rest] = deal.stakeholders
        const moved = { ...first, position: { x: edit, y: 0 } }
        const next = { ...deal, stakeholders: [moved, ...rest] }
        // What the page sends (renderer/state/deal-sender.ts): the moved card and its position.
        const changes: DealChanges = changesBetween(deal, revision, next)
        deal = next
        const result = (await invokeChannel(handlers, 'deal:save-changes', [structuredClone(changes)])) as Result<ChannelResults['deal:save-changes']>
        if (!result.ok) throw new Error(result.error.message)
        if (result.value.stale) throw new Error('main did not hold the version the changes were made from')
        revision = result.value.revision!
      }
      const text = serializeJson(file)
      const plainPath = join(dir, 'plain.json')
      // 21 pairs: each run's two disk flushes swing by milliseconds on a virtual disk, and a
      // median of 9 moved the 1 MB ratio between 1.2 and 1.6 from one run to the next.
      // The suites before this one leave megabytes of files waiting for writeback (browser
      // profiles, servers' stores); flushed now, they are not charged to whichever side's
      // fsync happens to come first. Both sides then run in pairs on the same idle disk.
      spawnSync('sync')
      const runs = await timePaired(ours, () => plainWrite(plainPath, text), 21, 3)
      const oursMs = median(runs.a)
      const baseMs = median(runs.b)
      const ratio = oursMs / baseMs
      rows.push(row({
        id: `save-${label.replace(' ', '').toLowerCase()}`,
        what: `Save a ${label} deal (${(size / 1e6).toFixed(2)} MB, ${file.deal.stakeholders.length} people) as the autosave does: changes over IPC, validate, serialize, durable write`,
        ours: round(oursMs), baseline: round(baseMs), unit: 'ms',
        // Issue #18: a durable 1 MB save costs at most 1.5× a plain write + fsync of the same bytes.
        target: budgetMs ? `ratio ≤ ${SAVE_RATIO} (and ≤ ${budgetMs} ms)` : `ratio ≤ ${SAVE_RATIO}`,
        pass: (budgetMs === null || oursMs <= budgetMs) && ratio <= SAVE_RATIO,
        note: "invokeChannel('deal:save-changes') with one moved card against the last revision (contract: rebuild + incremental validation; handler; DealFileStore.save: outside-edit stat, serialisation from cached pieces, temp file + fdatasync + rename + folder fsync, rolling backup check) vs open/writeFile/fsync/close of the same bytes; the disk flushed (sync) first; 3 warm-ups, 21 paired runs, medians",
        detail: { bytes: size, oursRuns: runs.a.map((n) => round(n, 2)), baselineRuns: runs.b.map((n) => round(n, 2)) },
      }))
    })
  }

  it('saves a 1 MB deal sent whole (the fallback when main does not hold the base)', async () => {
    const { file, size } = dealOfSize(1_000_000)
    const { dir, handlers, opened } = await openedThroughIpc(file, 'war-room-bench-save-whole-')
    // What the page sends: the deal as structured-cloned by IPC (new objects every call), one card moved.
    const deal = JSON.parse(JSON.stringify(opened.deal)) as Deal
    let edit = 0
    const ours = async () => {
      edit++
      const [first, ...rest] = structuredClone(deal.stakeholders)
      const result = await invokeChannel(handlers, 'deal:save', [{ ...deal, stakeholders: [{ ...first, position: { x: edit, y: 0 } }, ...rest] }])
      if (!result.ok) throw new Error(result.error.message)
    }
    const text = serializeJson(file)
    const plainPath = join(dir, 'plain.json')
    const runs = await timePaired(ours, () => plainWrite(plainPath, text), 9, 3)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    rows.push(row({
      id: 'save-1mb-whole',
      what: `Save a 1 MB deal sent whole over IPC (${(size / 1e6).toFixed(2)} MB, ${file.deal.stakeholders.length} people): the fallback after a restart or another window's save`,
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms',
      target: 'measured (the autosave sends changes)', pass: null,
      note: "invokeChannel('deal:save') with a structured-cloned deal (every person compared with the version main holds) vs open/writeFile/fsync/close of the same bytes; 3 warm-ups, 9 paired runs, medians",
      detail: { bytes: size, oursRuns: runs.a.map((n) => round(n, 2)), baselineRuns: runs.b.map((n) => round(n, 2)) },
    }))
  })
})

describe.skipIf(!benchWants('analysis'))('analysis', () => {
  it('analyses deals of 100, 1,000 and 10,000 people', async () => {
    const points: Array<{ x: number; y: number }> = []
    const detail: Record<string, number> = {}
    for (const n of [100, 1000, 10_000]) {
      const file = generateDeal({ stakeholders: n, seed: 5, today: TODAY })
      const openDeals = [file.deal]
      const reps = n >= 10_000 ? 15 : 41
      const ms = median(await timeRuns(() => analyzeDeal({ deal: file.deal, roster: file.roster, openDeals, settings: {}, today: TODAY }), reps, 5))
      points.push({ x: n, y: ms })
      detail[`ms@${n}`] = round(ms, 3)
    }
    const at1000 = points[1].y
    const slope = logLogSlope(points)
    rows.push(row({
      id: 'analysis-1000', what: 'analyzeDeal, 1,000 people, 2,000 lines', ours: round(at1000, 2), baseline: null, unit: 'ms',
      target: `≤ ${ANALYSIS_MS} ms`, pass: at1000 <= ANALYSIS_MS, note: 'median of 41 runs after 5 warm-ups', detail,
    }))
    rows.push(row({
      id: 'analysis-slope', what: 'analyzeDeal growth, 100 → 10,000 people (log-log slope)', ours: round(slope, 2), baseline: null, unit: '',
      target: `≤ ${ANALYSIS_SLOPE}`, pass: slope <= ANALYSIS_SLOPE, note: 'least-squares slope of log(time) on log(people) at 100, 1,000, 10,000', detail,
    }))
  })
})

interface SlideCounts { shapes: number; lines: number; tableRows: number; tableCols: number }

/** Shapes, connectors and table cells per slide of a deck, counted in its XML. */
async function slideCounts(pptx: Uint8Array): Promise<SlideCounts[]> {
  const zip = await JSZip.loadAsync(pptx)
  const slides = Object.keys(zip.files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
  slides.sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
  return Promise.all(slides.map(async (p) => {
    const xml = await zip.file(p)!.async('string')
    const count = (re: RegExp) => (xml.match(re) ?? []).length
    const tableRows = count(/<a:tr[ >]/g)
    return { shapes: count(/<p:sp>/g), lines: count(/<p:cxnSp>/g), tableRows, tableCols: tableRows ? Math.round(count(/<a:tc[ >]/g) / tableRows) : 0 }
  }))
}

/**
 * Bare pptxgenjs: the same slides with the same number of text shapes (formatted as the
 * deck's cards: three runs in a filled, bordered box), dashed arrow lines and table cells,
 * compressed. The floor any deck builder on pptxgenjs pays for this much content.
 */
async function bareDeck(counts: readonly SlideCounts[], names: readonly string[]): Promise<Uint8Array> {
  const pres = new PptxGenJS()
  pres.layout = 'LAYOUT_WIDE'
  const run = { fontFace: 'Arial', fontSize: 9, color: '000000' }
  for (const { shapes, lines, tableRows, tableCols } of counts) {
    const slide = pres.addSlide()
    for (let i = 0; i < shapes; i++) {
      slide.addText(
        [
          { text: names[i % names.length], options: { ...run, bold: true, breakLine: true } },
          { text: 'Head of Something', options: { ...run, breakLine: true } },
          { text: 'Technical evaluator · AB, CD', options: run },
        ],
        { shape: 'roundRect', rectRadius: 0.08, x: (i % 40) * 0.3, y: Math.floor(i / 40) * 0.2, w: 0.3, h: 0.2, fill: { color: '56B4E9' }, line: { color: '1A1A1A', width: 1.5 }, margin: 3, valign: 'middle', objectName: `Shape ${i + 1}` },
      )
    }
    for (let i = 0; i < lines; i++) {
      slide.addShape('line', { x: (i % 40) * 0.3, y: Math.floor(i / 40) * 0.1, w: 0.3, h: 0.1, line: { color: '0072B2', width: 1.25, dashType: 'dash', endArrowType: 'triangle' } })
    }
    if (tableRows) {
      const rows = Array.from({ length: tableRows }, (_, r) => Array.from({ length: tableCols }, (_, c) => ({ text: String(r * c), options: { fill: { color: 'DEEBF7' } } })))
      slide.addTable(rows, { x: 0.4, y: 1, w: 12.5, fontSize: 10, margin: 2 })
    }
  }
  // pptxgenjs honours `compression` only for its STREAM output (`write({ outputType:
  // 'uint8array' })` silently stores every part uncompressed). Our deck is compressed, so the
  // baseline is too: both write the same kind of file a user would keep.
  return new Uint8Array((await pres.stream({ compression: true })) as ArrayBuffer)
}

describe.skipIf(!benchWants('export'))('export', () => {
  it('builds the deck of a 1,000-person deal', async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: TODAY })
    const analysis = analyzeDeal({ deal: file.deal, roster: file.roster, openDeals: [], settings: {}, today: TODAY })
    const input = { deal: file.deal, roster: file.roster, analysis, language: 'en' as const, today: TODAY, slides: SLIDE_IDS.filter((s) => s !== 'changes') }
    const sample = await buildDeck(input)
    const counts = await slideCounts(sample)
    const names = file.deal.stakeholders.map((s) => s.name)
    const runs = await timePaired(() => buildDeck(input), () => bareDeck(counts, names), 5, 2)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    const ratio = oursMs / baseMs
    const totals = counts.reduce((t, c) => ({ shapes: t.shapes + c.shapes, lines: t.lines + c.lines, tableCells: t.tableCells + c.tableRows * c.tableCols }), { shapes: 0, lines: 0, tableCells: 0 })
    rows.push(row({
      id: 'export-1000', what: `Deck for 1,000 people (${counts.length} slides, ${totals.shapes} shapes, ${totals.lines} connectors, ${totals.tableCells} table cells)`,
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms', target: `ratio ≤ ${DECK_RATIO} (and ≤ 1,500 ms)`, pass: oursMs <= 1500 && ratio <= DECK_RATIO,
      note: 'buildDeck (all slides but "changes", en) vs bare pptxgenjs writing the same number of card-formatted text shapes, dashed arrow lines and table cells per slide, compressed; 2 warm-ups, 5 paired runs, medians',
      detail: { bytes: sample.length, ...totals, slides: counts.length, oursRuns: runs.a.map((n) => round(n)), baselineRuns: runs.b.map((n) => round(n)) },
    }))
  })
})

describe.skipIf(!benchWants('export'))('export into a template', () => {
  it('puts the deck of a 1,000-person deal into the sample company template', async () => {
    const file = generateDeal({ stakeholders: 1000, seed: 3, today: TODAY })
    const analysis = analyzeDeal({ deal: file.deal, roster: file.roster, openDeals: [], settings: {}, today: TODAY })
    const input = { deal: file.deal, roster: file.roster, analysis, language: 'en' as const, today: TODAY, slides: SLIDE_IDS.filter((s) => s !== 'changes') }
    const template = new Uint8Array(readFileSync(join(import.meta.dirname, '../../tests/fixtures/templates/sample-corp.pptx')))
    const intoTemplate = async () => applyTemplate(await buildDeck(input), template)
    const sample = await intoTemplate()
    const slides = Object.keys((await JSZip.loadAsync(sample)).files).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p)).length
    const runs = await timePaired(intoTemplate, () => buildDeck(input), 5, 2)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    const ratio = oursMs / baseMs
    rows.push(row({
      id: 'export-template-1000', what: `Deck into the company template, 1,000 people (${slides} slides)`,
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms', target: '≤ 3,000 ms, ratio ≤ 2', pass: oursMs <= 3000 && ratio <= 2,
      note: 'buildDeck then applyTemplate into tests/fixtures/templates/sample-corp.pptx (every slide re-laid on a template layout, the package re-zipped) vs buildDeck alone; 2 warm-ups, 5 paired runs, medians',
      detail: { bytes: sample.length, slides, ratio: round(ratio), oursRuns: runs.a.map((n) => round(n)), baselineRuns: runs.b.map((n) => round(n)) },
    }))
  })
})

describe.skipIf(!benchWants('hostile') && !benchWants('csv'))('hostile input', () => {
  it.skipIf(!benchWants('hostile'))('refuses a 6 MB file of 20,000 people with empty contacts', async () => {
    const text = hostileDealFileText(6_000_000)
    const runs = await timePaired(() => parseDealFile(text), () => JSON.parse(text), 5, 1)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    const result = parseDealFile(text)
    const issues = result.ok ? 0 : result.issues.length
    rows.push(row({
      id: 'validate-hostile-6mb', what: `Refuse a hostile 6 MB deal file (20,000 people × empty contacts; ${issues} problems reported)`,
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms', target: '≤ 2,000 ms, ≤ 201 problems', pass: oursMs <= 2000 && issues <= 201,
      note: 'parseDealFile (bounded: stops at 200 problems) vs JSON.parse of the same text; before the bound this took 85 s and died at 4.6 GB; 1 warm-up, 5 paired runs, medians',
      detail: { bytes: text.length, issues, oursRuns: runs.a.map((n) => round(n)), baselineRuns: runs.b.map((n) => round(n)) },
    }))
  })

  it.skipIf(!benchWants('csv'))('plans a 10,000-row reports-to chain from a CSV', async () => {
    const text = ['Full Name,Reports To', ...Array.from({ length: 10_000 }, (_, i) => `P${i},${i ? `P${i - 1}` : ''}`)].join('\n')
    const deal = newDeal({ id: 'bench', name: 'Bench' })
    const plan = () => {
      const csv = parseCrmCsv(text)
      if (!csv.ok) throw new Error(csv.message)
      return planCrmImport(csv.rows, { fullName: 0, reportsTo: 1 }, deal)
    }
    const runs = await timePaired(plan, () => parseCrmCsv(text), 5, 1)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    rows.push(row({
      id: 'csv-plan-chain-10k', what: 'Plan a CSV import of a 10,000-person reports-to chain (parse + plan)',
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms', target: '≤ 1,000 ms', pass: oursMs <= 1000,
      note: 'parseCrmCsv + planCrmImport vs parseCrmCsv (papaparse) alone; before the linear depth walk this took 19 s; in the app a plan over 2,000 rows runs in a worker; 1 warm-up, 5 paired runs, medians',
      detail: { rows: 10_000, oursRuns: runs.a.map((n) => round(n)), baselineRuns: runs.b.map((n) => round(n)) },
    }))
  })
})

describe.skipIf(!benchWants('tidy'))('tidy', () => {
  it('lays out the org chart of 1,000 people', async () => {
    const { deal } = generateDeal({ stakeholders: 1000, links: 2000, seed: 7 })
    const runs = await timePaired(() => layoutDeal(deal), () => elkLayoutBefore(deal), 5, 2)
    const oursMs = median(runs.a)
    const baseMs = median(runs.b)
    rows.push(row({
      id: 'tidy-1000', what: 'Tidy of 1,000 people: the org chart layout (999 reports-to lines, 1,001 others)',
      ours: round(oursMs), baseline: round(baseMs), unit: 'ms', target: '≤ 250 ms', pass: oursMs <= 250,
      note: 'layoutDeal (shared/org-chart.ts, a tree layout with routed reports-to lines) vs the elkjs layered layout it replaced (bench/baseline/elk-layout-9af4a4d.ts, the code at 9af4a4d), same deal; 2 warm-ups, 5 paired runs, medians',
      detail: { people: 1000, oursRuns: runs.a.map((n) => round(n)), baselineRuns: runs.b.map((n) => round(n)) },
    }))
  })
})
