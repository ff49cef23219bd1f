/**
 * A colleague's edit becoming visible: A's page sends a command to its main (IPC), main applies
 * it to the doc and the socket carries it to the server and on to B's main, which checks it in
 * a scratch copy, derives the deal and pushes it to B's page, which redraws the card. Measured
 * from A's page calling the API to B's DOM showing the new title (both stamps are the same
 * machine's clock), against a bare Yjs provider round trip on a bare server (bench/lib).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { newId, newStakeholder } from '@shared/model'
import { startCollabServer, type CollabServer } from '../../electron/server/collab-server'
import { invokeChannel } from '../../electron/main/ipc'
import type { Channel, HandlerTable } from '@shared/ipc'
import { openApp, type App } from '../../tests/e2e/harness/app'
import { bareRoundTrips } from '../lib/bare-yjs-round-trip'
import { percentile, round, row, writePartial, type Row } from '../lib/stats'

const QUICK = Boolean(process.env.BENCH_QUICK)
const EDITS = QUICK ? 20 : 60
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
    // B's page stamps the moment a card's text shows the title A sent.
    await b.page.evaluate(() => {
      const w = window as unknown as { __seen: Map<string, number> }
      w.__seen = new Map()
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-testid="stakeholder-card"]')) {
          const m = /bench-title-(\d+)/.exec(el.textContent ?? '')
          if (m && !w.__seen.has(m[1])) w.__seen.set(m[1], Date.now())
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    const times: number[] = []
    for (let i = 0; i < WARMUPS + EDITS; i++) {
      const sentAt = await a.page.evaluate(async ([id, person, n]) => {
        const t0 = Date.now()
        await (window as unknown as { api: { applySharedCommands(d: string, c: unknown[]): Promise<unknown> } }).api.applySharedCommands(id, [{ type: 'set-field', stakeholderId: person, field: 'title', value: `bench-title-${n}` }])
        return t0
      }, [deal.id, dana, i] as const)
      const seenAt = await b.page.waitForFunction((n) => (window as unknown as { __seen: Map<string, number> }).__seen.get(String(n)), i, { polling: 'raf' }).then((h) => h.jsonValue() as Promise<number>)
      if (i >= WARMUPS) times.push(seenAt - sentAt)
    }
    const bare = (await bareRoundTrips(WARMUPS + EDITS)).slice(WARMUPS)
    const p50 = percentile(times, 50)
    const p95 = percentile(times, 95)
    const bareP50 = percentile(bare, 50)
    const bareP95 = percentile(bare, 95)
    const note = `${EDITS} edits after ${WARMUPS} warm-ups, one at a time: A's page → IPC → main's doc → server (checked) → B's main (scratch-copy check, projection) → push → B's DOM (MutationObserver, Date.now on both pages). Baseline: two bare HocuspocusProviders on a bare Hocuspocus server, a Y.Map set → observed, same machine`
    rows.push(row({ id: 'collab-remote-edit-p50', what: 'A remote edit visible in the other page, p50 (loopback)', ours: round(p50), baseline: round(bareP50), unit: 'ms', target: 'measured', pass: null, note }))
    rows.push(row({ id: 'collab-remote-edit-p95', what: 'A remote edit visible in the other page, p95 (loopback)', ours: round(p95), baseline: round(bareP95), unit: 'ms', target: '≤ 50 ms and ≤ 2× bare', pass: p95 <= 50 && p95 <= 2 * Math.max(bareP95, 1), note, detail: { samples: times.map((t) => round(t)), bare: bare.map((t) => round(t, 2)) } }))
    console.log(`collab remote edit: p50 ${round(p50)} ms, p95 ${round(p95)} ms; bare p50 ${round(bareP50, 2)} ms, p95 ${round(bareP95, 2)} ms`)
  })
})
