/**
 * A colleague's edit becoming visible: A's page sends a command to its main (IPC), main applies
 * it to the doc and the socket carries it to the server and on to B's main, which checks it in
 * a scratch copy, derives the deal and pushes it to B's page, which redraws the card. Measured
 * from A's page calling the API to B's DOM showing the new title (both stamps are the same
 * machine's clock). The peer is the same path with nothing of ours: bare HocuspocusProviders in
 * main, reached over the same harness hops, writing the value into a DOM node. Reported beside it:
 * two pages each holding a bare provider (bench/baseline/provider.ts; no main hop at all), and the
 * bare Node-to-Node provider round trip (docs/collaboration-app.md, "Measured").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Page } from 'playwright-core'
import { newId, newStakeholder } from '@shared/model'
import { startCollabServer, type CollabServer } from '../../electron/server/collab-server'
import { invokeChannel } from '../../electron/main/ipc'
import type { Channel, HandlerTable } from '@shared/ipc'
import { openApp, type App } from '../../tests/e2e/harness/app'
import { COLLAB_EVENT } from '../../tests/e2e/harness/bridge'
import { barePeer, bareRoundTrips, startBareServer } from '../lib/bare-yjs-round-trip'
import { launchBrowser, openBaseline } from '../lib/browser'
import { profileDuring } from '../lib/page-profile'
import { pathSegments, stampPushes, tailSegments, tracePath } from '../lib/remote-edit-path'
import { percentile, round, row, writePartial, type Row } from '../lib/stats'

const QUICK = Boolean(process.env.BENCH_QUICK)
const PROFILE = Boolean(process.env.BENCH_PROFILE)
// 120: the p95 of 60 was the third-slowest edit, which one scheduling hiccup decided.
const EDITS = QUICK ? 20 : 120
const WARMUPS = 5
const ANNA = { token: 'bench-token-anna-kowalski-1', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }
const BRUNO = { token: 'bench-token-bruno-keller-02', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' }

const rows: Row[] = []
let dir: string
let server: CollabServer
let a: App
let b: App

async function call(handlers: HandlerTable | null, channel: Channel, ...args: unknown[]): Promise<unknown> {
  const result = await invokeChannel(handlers!, channel, args)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'war-room-bench-collab-'))
  await writeFile(join(dir, 'tokens.json'), JSON.stringify([ANNA, BRUNO]))
  server = await startCollabServer({ dataDir: join(dir, 'server'), tokensFile: join(dir, 'tokens.json'), host: '127.0.0.1', port: 0, log: () => undefined })
  a = await openApp()
  b = await openApp()
})
afterAll(async () => {
  writePartial('collab-app', rows)
  await a?.close()
  await b?.close()
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('collab-app', () => {
  it('a remote edit becoming visible in the other page (loopback): p50 and p95 against a bare Yjs round trip', async () => {
    await call(a.handlers, 'workspace:load')
    const deal = (await call(a.handlers, 'deal:create', { name: 'Bench deal', customer: 'Bench' })) as { id: string }
    const dana = newId()
    await call(a.handlers, 'collab:share', deal.id, { serverUrl: server.url, token: ANNA.token, name: ANNA.name, email: ANNA.email })
    await call(a.handlers, 'collab:apply', deal.id, [{ type: 'add-stakeholders', stakeholders: [newStakeholder({ id: dana, name: 'Dana Whitfield', position: { x: 0, y: 0 } })] }])
    await call(b.handlers, 'workspace:load')
    await call(b.handlers, 'collab:join', { serverUrl: server.url, token: BRUNO.token, name: BRUNO.name, email: BRUNO.email, dealId: deal.id })
    for (const app of [a, b]) {
      await app.page.reload()
      await app.page.locator(`[data-deal-id="${deal.id}"] .deal-open`).click()
      await app.page.getByTestId('stakeholder-map').waitFor({ state: 'visible' })
      await app.page.locator('.card-name', { hasText: 'Dana Whitfield' }).waitFor()
    }
    tracePath()
    const pageStamps = { sent: new Map<number, number>(), seen: new Map<number, number>() }
    await stampPushes(b.page, COLLAB_EVENT)
    const edits = () => remoteEdits(b.page, '[data-testid="stakeholder-card"]', (n) => a.page.evaluate(async ([id, person, value]) => {
      const t0 = performance.timeOrigin + performance.now()
      await (window as unknown as { api: { applySharedCommands(d: string, c: unknown[]): Promise<unknown> } }).api.applySharedCommands(id, [{ type: 'set-field', stakeholderId: person, field: 'title', value }])
      return t0
    }, [deal.id, dana, `bench-title-${n}`] as const), pageStamps)
    // BENCH_PROFILE=1: B's page's CPU profile over the edits, to find causes (the figures of such a run are no record).
    const times = process.env.BENCH_PROFILE_NODE ? await profileNode(edits) : PROFILE ? await profileDuring(b.page, edits, Number(process.env.BENCH_PROFILE_TOP ?? 25)).then(({ result, top, inclusive }) => (console.log("B's page during the remote edits, self:", top, 'inclusive:', inclusive), result)) : await edits()
    const path = pathSegments(pageStamps.sent, pageStamps.seen)
    const tail = tailSegments(pageStamps.sent, pageStamps.seen)
    const pages = await bareProviderPages()
    const behindMain = await bareProvidersBehindMain()
    const bareNode = (await bareRoundTrips(WARMUPS + EDITS)).slice(WARMUPS)
    const [p50, p95] = [percentile(times, 50), percentile(times, 95)]
    const [pageP50, pageP95] = [percentile(pages, 50), percentile(pages, 95)]
    const [nodeP50, nodeP95] = [percentile(bareNode, 50), percentile(bareNode, 95)]
    const [mainP50, mainP95] = [percentile(behindMain, 50), percentile(behindMain, 95)]
    const note = `${EDITS} edits after ${WARMUPS} warm-ups, one at a time: A's page → IPC → main's doc → server (checked) → B's main (checked) → projection → push → B's React → B's DOM (MutationObserver; each page's performance.timeOrigin + now(), one machine clock to a fraction of a millisecond; B's page polled each frame). Peer: the same path with nothing of ours — a page → the harness's IPC binding → a bare HocuspocusProvider in main → a bare Hocuspocus server → a bare provider in the other main → the harness's push → a page writing the value into a DOM node, timed the same way`
    const pagePeer = `the same edits against two Chromium pages each holding a bare HocuspocusProvider (no main, no IPC hop: sockets in the page), on a bare server; p50 ${round(pageP50)} ms`
    rows.push(row({ id: 'collab-remote-edit-p50', what: 'A remote edit visible in the other page, p50 (loopback), against bare providers on the same hops', ours: round(p50), baseline: round(mainP50), unit: 'ms', target: 'measured', pass: null, note }))
    rows.push(row({ id: 'collab-remote-edit-p95', what: 'A remote edit visible in the other page, p95 (loopback), against bare providers on the same hops', ours: round(p95), baseline: round(mainP95), unit: 'ms', target: '≤ 50 ms and ≤ 2× bare', pass: p95 <= 50 && p95 <= 2 * Math.max(mainP95, 1), note, detail: { samples: times.map((t) => round(t)), bareSameHops: behindMain.map((t) => round(t)), pathMedians: path, tail } }))
    rows.push(row({ id: 'collab-remote-edit-page-peer-p95', what: 'A remote edit visible in the other page, p95 (loopback), against bare providers in the pages (no main hop)', ours: round(p95), baseline: round(pageP95), unit: 'ms', target: 'report (sockets are opened from main: two more hops)', pass: null, note: pagePeer, detail: { barePages: pages.map((t) => round(t)) } }))
    rows.push(row({ id: 'collab-bare-node-round-trip', what: 'Bare provider round trip Node to Node, p95 (loopback, no page; for scale)', ours: round(nodeP95, 2), baseline: null, unit: 'ms', target: 'report', pass: null, note: `two bare HocuspocusProviders in Node on a bare server, a Y.Map set → observed (performance.now), no page at either end; p50 ${round(nodeP50, 2)} ms; the remote-edit rows' peer before it ended in a page`, detail: { p50: round(nodeP50, 2), samples: bareNode.map((t) => round(t, 2)) } }))
    console.log('collab remote edit, median ms per segment:', path)
    console.log('collab remote edit, the slowest 10 % per segment:', JSON.stringify(tail, null, 1))
    console.log(`collab remote edit: p50 ${round(p50)} ms, p95 ${round(p95)} ms; bare pages p50 ${round(pageP50)} ms, p95 ${round(pageP95)} ms; bare behind main p50 ${round(mainP50)} ms, p95 ${round(mainP95)} ms; bare Node p50 ${round(nodeP50, 2)} ms, p95 ${round(nodeP95, 2)} ms`)
  })
})

/**
 * `WARMUPS + EDITS` edits, one at a time: `send(n)` makes edit n in one page and returns when it
 * started (its `performance.timeOrigin + performance.now()`); the other page stamps the moment an element matching `selector`
 * shows `bench-title-n` (MutationObserver), polled each frame. Returns the times after warm-up.
 */
async function remoteEdits(seer: Page, selector: string, send: (n: number) => Promise<number>, stamps?: { sent: Map<number, number>; seen: Map<number, number> }): Promise<number[]> {
  await seer.evaluate((sel) => {
    const w = window as unknown as { __seen: Map<string, number> }
    w.__seen = new Map()
    new MutationObserver(() => {
      for (const el of document.querySelectorAll(sel)) {
        const m = /bench-title-(\d+)/.exec(el.textContent ?? '')
        if (m && !w.__seen.has(m[1])) w.__seen.set(m[1], performance.timeOrigin + performance.now())
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  }, selector)
  const times: number[] = []
  for (let i = 0; i < WARMUPS + EDITS; i++) {
    const sentAt = await send(i)
    const seenAt = await seer.waitForFunction((n) => (window as unknown as { __seen: Map<string, number> }).__seen.get(String(n)), i, { polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>)
    if (i >= WARMUPS) times.push(seenAt - sentAt)
    if (i >= WARMUPS) stamps?.sent.set(i, sentAt)
    if (i >= WARMUPS) stamps?.seen.set(i, seenAt)
  }
  return times
}

/** The page-to-page peer: two baseline pages with a bare provider each, on a bare server. */
async function bareProviderPages(): Promise<number[]> {
  const bare = await startBareServer()
  // A page served from a routed origin counts as public to Chromium, which then blocks its
  // socket to 127.0.0.1 (Local Network Access); the flag lifts that gate at connect time only.
  // The app's pages never open a socket (main holds it), so they need no such flag.
  const browser = await launchBrowser(['--disable-features=LocalNetworkAccessChecks'])
  try {
    const search = `?server=${encodeURIComponent(bare.url)}`
    const [pa, pb] = [await openBaseline(browser, 'provider', undefined, undefined, search), await openBaseline(browser, 'provider', undefined, undefined, search)]
    for (const p of [pa, pb]) await p.page.waitForFunction(() => (window as unknown as { __bareSynced: boolean }).__bareSynced)
    return await remoteEdits(pb.page, '#value', (n) => pa.page.evaluate((value) => {
      const t0 = performance.timeOrigin + performance.now()
      ;(window as unknown as { __bareSet: (v: string) => void }).__bareSet(value)
      return t0
    }, `bench-title-${n}`))
  } finally {
    await browser.close()
    await bare.stop()
  }
}

/**
 * The peer with our process topology (docs/collaboration-app.md, "Measured"): sockets in main,
 * pages that reach it over the harness's IPC stand-ins (a binding page → main, `page.evaluate`
 * main → page, as the app's harness does), a bare HocuspocusProvider per "main" in this process
 * on a bare server, and a bare page writing the value into a DOM node. No check, no projection,
 * no React: what our code adds over the engine on the path the design asks for.
 */
async function bareProvidersBehindMain(): Promise<number[]> {
  const bare = await startBareServer()
  const [peerA, peerB] = [barePeer(bare.url), barePeer(bare.url)]
  const browser = await launchBrowser()
  try {
    await Promise.all([peerA.synced, peerB.synced])
    const [pa, pb] = [await openBaseline(browser, 'blank'), await openBaseline(browser, 'blank')]
    await pa.context.exposeFunction('__bareSend', (value: string) => void peerA.doc.getMap('m').set('k', value))
    await pb.page.evaluate(() => {
      const node = document.body.appendChild(document.createElement('div'))
      node.id = 'value'
      window.addEventListener('__bare_push', (e) => void (node.textContent = JSON.parse((e as CustomEvent<string>).detail).value))
    })
    const map = peerB.doc.getMap('m')
    map.observe(() => void pb.page.evaluate((detail) => window.dispatchEvent(new CustomEvent('__bare_push', { detail })), JSON.stringify({ value: map.get('k') })).catch(() => undefined))
    return await remoteEdits(pb.page, '#value', (n) => pa.page.evaluate(async (value) => {
      const t0 = performance.timeOrigin + performance.now()
      await (window as unknown as { __bareSend: (v: string) => Promise<void> }).__bareSend(value)
      return t0
    }, `bench-title-${n}`))
  } finally {
    await browser.close()
    peerA.destroy()
    peerB.destroy()
    await bare.stop()
  }
}

/** BENCH_PROFILE_NODE=file: this process's CPU profile (A's main, the server, B's main) over the edits, written to the file. */
async function profileNode<T>(fn: () => Promise<T>): Promise<T> {
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const result = await fn()
  const { profile } = await session.post('Profiler.stop')
  ;(await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE_NODE!, JSON.stringify(profile))
  session.disconnect()
  return result
}
