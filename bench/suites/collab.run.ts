/**
 * collab rows (#16, docs/performance.md): a fresh client's initial sync of a 1,000-person deal,
 * a client's catch-up after 1,000 edits it missed while offline, and the server's memory with
 * 50 deals × 5 clients. Real servers on 127.0.0.1 (startCollabServer, `war-room serve`), real
 * DealSync clients; the peers are bare Yjs docs on a bare Hocuspocus server (bench/lib).
 */
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, it } from 'vitest'
import * as Y from 'yjs'
import { seedDoc } from '@shared/collab'
import type { DealFile } from '@shared/model'
import { generateDeal } from '../../tests/fixtures/generate-large-deal'
import { EDITORS, Lab, until } from '../../tests/unit/collab-server/harness'
import { serveProcess } from '../../tests/unit/collab-server/processes'
import { barePeer, startBareServer } from '../lib/bare-yjs-round-trip'
import { benchWants } from '../lib/only'
import { median, round, row, writePartial, type Row } from '../lib/stats'

const QUICK = Boolean(process.env.BENCH_QUICK)
const PEOPLE = 1_000
const OFFLINE_EDITS = 1_000
const EDIT_BATCH = 100
const RUNS = QUICK ? 2 : 5
const DEALS = 50
const CLIENTS_PER_DEAL = 5
const PEOPLE_PER_SMALL_DEAL = 100

const rows: Row[] = []
let lab: Lab
afterEach(() => lab?.cleanUp())
afterAll(() => {
  writePartial('collab', rows)
  for (const r of rows) console.log(`${r.id}: ours ${r.ours} ${r.unit}, peer ${r.baseline ?? '-'} ${r.unit}, ratio ${r.ratio === null ? '-' : round(r.ratio, 2)}, goal ${r.target}, ${r.pass === null ? 'report' : r.pass ? 'PASS' : 'FAIL'}`)
})

const dealFile = (id: string, people: number, seed: number): DealFile => {
  const file = generateDeal({ stakeholders: people, seed })
  return { ...file, deal: { ...file.deal, id } }
}
const encodedSize = (file: DealFile) => {
  const doc = new Y.Doc()
  seedDoc(doc, file)
  return Y.encodeStateAsUpdate(doc)
}

/** Kernel's resident set of another process, in MiB (Linux /proc). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
  return kb / 1024
}

describe.skipIf(!benchWants('collab'))('collab', () => {
  it(`initial sync of a ${PEOPLE}-person deal to a fresh client`, async () => {
    const ours: number[] = []
    const peer: number[] = []
    let bytes = 0
    for (let run = 0; run < RUNS + 1; run++) {
      lab = new Lab()
      const id = `deal-sync-${run}`
      const file = dealFile(id, PEOPLE, 16 + run)
      const serverDir = await lab.dir('server-')
      const server = await lab.server({ dataDir: serverDir })
      const owner = await lab.client({ dealId: id, dataDir: await lab.dataFolder(file), serverUrl: server.url })
      await owner.whenInSync()
      // The server stores the owner's seed 500 ms after it (its debounce); a colleague joins
      // later than that, so the row does not time the server's store of the seed with their sync.
      await until(() => existsSync(join(serverDir, 'docs', id)) && readdirSync(join(serverDir, 'docs', id)).some((name) => name.endsWith('.ydoc')), 'the server stored the seed', 10_000)
      const t0 = performance.now()
      const fresh = await lab.client({ dealId: id, dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
      await fresh.whenInSync()
      await until(() => fresh.file().deal.stakeholders.length === PEOPLE, 'the fresh client has every person')
      const ms = performance.now() - t0
      await lab.cleanUp()

      // Peer: the same encoded state in a bare doc, fetched by a bare provider.
      const update = encodedSize(file)
      bytes = update.byteLength
      const bare = await startBareServer()
      const seeder = barePeer(bare.url, id)
      Y.applyUpdate(seeder.doc, update)
      await seeder.synced
      const p0 = performance.now()
      const reader = barePeer(bare.url, id)
      await reader.synced
      await until(() => reader.doc.getMap('people').size === PEOPLE, 'the bare reader has every person')
      const pms = performance.now() - p0
      seeder.destroy()
      reader.destroy()
      await bare.stop()
      if (run > 0) { ours.push(ms); peer.push(pms) } // run 0 warms up
    }
    const o = median(ours)
    const b = median(peer)
    rows.push(row({
      id: 'collab-initial-sync',
      what: `Initial sync of a ${PEOPLE}-person deal to a fresh client (loopback)`,
      ours: round(o), baseline: round(b), unit: 'ms', target: '≤ 500 ms', pass: o <= 500,
      note: `DealSync.start() on an empty data folder until whenInSync and its projection holds all ${PEOPLE} people (token check, server-side and client-side state checks, projection, files written); peer: a bare HocuspocusProvider fetching the same ${bytes}-byte state from a bare server; 1 warm-up, ${RUNS} runs, medians`,
      detail: { oursRuns: ours.map((x) => round(x)), peerRuns: peer.map((x) => round(x)), encodedBytes: bytes },
    }))
  })

  it(`catch-up after ${OFFLINE_EDITS} edits made while the client was offline`, async () => {
    const ours: number[] = []
    const peer: number[] = []
    for (let run = 0; run < RUNS + 1; run++) {
      lab = new Lab()
      const id = `deal-catch-up-${run}`
      const file = dealFile(id, PEOPLE, 32 + run)
      const ids = file.deal.stakeholders.map((s) => s.id)
      const server = await lab.server()
      const a = await lab.client({ dealId: id, dataDir: await lab.dataFolder(file), serverUrl: server.url })
      await a.whenInSync()
      const bDir = await lab.dataFolder()
      const b = await lab.client({ dealId: id, dataDir: bDir, serverUrl: server.url }, EDITORS[1])
      await b.whenInSync()
      await b.stop()
      lab.forget(b)
      // In batches: DealSync checks each local transaction, and 1,000 single applies on a
      // 1,000-person deal take minutes on this machine (not what the row measures).
      for (let i = 0; i < OFFLINE_EDITS; i += EDIT_BATCH) {
        a.apply(Array.from({ length: EDIT_BATCH }, (_, j) => ({ type: 'set-field' as const, stakeholderId: ids[(i + j) % ids.length], field: 'title' as const, value: `Offline ${run}-${i + j}` })))
      }
      const last = ids[(OFFLINE_EDITS - 1) % ids.length]
      const lastTitle = `Offline ${run}-${OFFLINE_EDITS - 1}`
      // The server has them all before B comes back.
      const probe = await lab.client({ dealId: id, dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
      await until(() => probe.file().deal.stakeholders.find((s) => s.id === last)?.title === lastTitle, 'the server has the edits', 60_000)
      await probe.stop()
      lab.forget(probe)
      const t0 = performance.now()
      const back = await lab.client({ dealId: id, dataDir: bDir, serverUrl: server.url }, EDITORS[1])
      await back.whenInSync()
      await until(() => back.file().deal.stakeholders.find((s) => s.id === last)?.title === lastTitle, 'B caught up', 60_000)
      const ms = performance.now() - t0
      await lab.cleanUp()

      // Peer: a bare doc misses the same number of bare Y.Map sets, then reconnects.
      const bare = await startBareServer()
      const writer = barePeer(bare.url, id)
      Y.applyUpdate(writer.doc, encodedSize(file))
      await writer.synced
      const reader = barePeer(bare.url, id)
      await reader.synced
      reader.destroy()
      const edits = writer.doc.getMap('bare-edits')
      for (let i = 0; i < OFFLINE_EDITS; i++) edits.set(ids[i % ids.length], `Offline ${run}-${i}`)
      const p0 = performance.now()
      const again = barePeer(bare.url, id, reader.doc)
      await again.synced
      await until(() => again.doc.getMap('bare-edits').get(last) === lastTitle, 'the bare reader caught up', 60_000)
      const pms = performance.now() - p0
      writer.destroy()
      again.destroy()
      await bare.stop()
      if (run > 0) { ours.push(ms); peer.push(pms) }
    }
    const o = median(ours)
    const b = median(peer)
    rows.push(row({
      id: 'collab-catch-up',
      what: `Catch-up after ${OFFLINE_EDITS} edits made while the client was offline (${PEOPLE} people, loopback)`,
      ours: round(o), baseline: round(b), unit: 'ms', target: '≤ 1000 ms', pass: o <= 1000,
      note: `B stopped, A makes ${OFFLINE_EDITS} set-field edits (${OFFLINE_EDITS / EDIT_BATCH} applies of ${EDIT_BATCH}), the server has them; then DealSync.start() on B's data folder (its update log loaded) until whenInSync and its projection shows the last edit; peer: a bare provider reconnecting its doc after missing ${OFFLINE_EDITS} bare Y.Map sets on the same state; 1 warm-up, ${RUNS} runs, medians`,
      detail: { oursRuns: ours.map((x) => round(x)), peerRuns: peer.map((x) => round(x)) },
    }))
  })

  it(`server memory with ${DEALS} deals × ${CLIENTS_PER_DEAL} clients`, async () => {
    lab = new Lab()
    const server = await serveProcess(['--data', await lab.dir('server-'), '--tokens', await lab.tokensFile(), '--host', '127.0.0.1', '--port', '0'])
    try {
      const idle = await rssMiB(server.child.pid!)
      for (let d = 0; d < DEALS; d++) {
        const id = `deal-memory-${d}`
        const owner = await lab.client({ dealId: id, dataDir: await lab.dataFolder(dealFile(id, PEOPLE_PER_SMALL_DEAL, 100 + d)), serverUrl: server.url })
        await owner.whenInSync()
        const others = []
        for (let c = 1; c < CLIENTS_PER_DEAL; c++) others.push(await lab.client({ dealId: id, dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[c % 2]))
        await Promise.all(others.map((o) => o.whenInSync()))
      }
      const loaded = await rssMiB(server.child.pid!)
      rows.push(row({
        id: 'collab-server-memory',
        what: `Server memory (RSS) with ${DEALS} deals × ${CLIENTS_PER_DEAL} clients (${PEOPLE_PER_SMALL_DEAL} people each)`,
        ours: round(loaded), baseline: round(idle), unit: 'MiB', target: 'report', pass: null,
        note: `\`war-room serve\` in its own process, VmRSS from /proc after all ${DEALS * CLIENTS_PER_DEAL} DealSync clients are in sync; peer: the same process idle before any client (heap is not reachable from outside the process, so RSS only)`,
        detail: { idleMiB: round(idle), loadedMiB: round(loaded), perClientKiB: round(((loaded - idle) * 1024) / (DEALS * CLIENTS_PER_DEAL)) },
      }))
    } finally {
      // The server stores each deal as its last client leaves, and stores what is left on
      // SIGTERM before it exits: its folder is removed only after that, or the removal races
      // its writes (ENOTEMPTY on docs/).
      await lab.stopClients()
      server.child.kill('SIGTERM')
      const code = await server.exited
      await lab.cleanUp()
      if (code !== 0) console.error(`war-room serve exited with ${code} on SIGTERM:\n${server.output()}`)
    }
  })
})
