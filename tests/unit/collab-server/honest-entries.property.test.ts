import fc from 'fast-check'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createUserUndo } from '@shared/collab'
import { CommandError } from '@shared/commands'
import { ShadowChecks } from '../../../electron/server/shadow-checks'
import { AT, team, workspaceSellers } from '../collab/fixture'
import { prng, randomCommand } from '../collab/random-commands'

const CLIENTS = 6
const COMMANDS_PER_CLIENT = Number(process.env.COLLAB_COMMANDS ?? 40)

/**
 * Honest clients are never refused for what their entries name (docs/collaboration.md,
 * "Authors are checked"): every command of the real command set, undo and redo (with the
 * repair of a contested field), made on the deal as each client sees it, reach a server
 * document through the server's own check, while the clients hear of each other late and in
 * bursts, some of them offline for a while and then sending everything at once.
 */
function run(seed: number): void {
  const pick = prng(seed)
  const clients = team(CLIENTS)
  const served = new Y.Doc()
  Y.applyUpdate(served, Y.encodeStateAsUpdate(clients[0].doc))
  const checks = new ShadowChecks({ keepAfterMs: 60_000 })
  const sellers = workspaceSellers()
  const undos = clients.map((c) => createUserUndo(c.doc, c.origin, { signing: { author: c.author, now: () => new Date(AT) } }))
  const outbox = clients.map(() => [] as Uint8Array[])
  clients.forEach((c, i) => c.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'server' && outbox[i].push(u)))
  const offline = new Set<number>()
  const send = (i: number) => {
    if (outbox[i].length === 0) return
    // Back online: everything made offline as one update, as a reconnect's sync sends it.
    const batch = offline.has(i) ? [Y.mergeUpdates(outbox[i].splice(0))] : outbox[i].splice(0)
    for (const u of batch) {
      const checked = checks.checkAndApply(served, u, 'client')
      expect(checked, `client ${i}'s update`).toEqual({ ok: true })
    }
  }
  const hear = (i: number) => Y.applyUpdate(clients[i].doc, Y.encodeStateAsUpdate(served, Y.encodeStateVector(clients[i].doc)), 'server')
  let ids = 0
  for (let step = 0; step < CLIENTS * COMMANDS_PER_CLIENT; step++) {
    const i = step % CLIENTS
    const c = clients[i]
    const roll = pick(30)
    if (roll === 0) undos[i].undo()
    else if (roll === 1) undos[i].redo()
    else if (roll === 2) {
      if (offline.has(i)) {
        send(i)
        offline.delete(i)
      } else offline.add(i)
    } else {
      try {
        c.apply(randomCommand(c.projection.file(), sellers, pick, () => `${c.author.name}${ids++}`))
      } catch (e) {
        if (!(e instanceof CommandError)) throw e
      }
    }
    if (!offline.has(i) && pick(2) === 0) send(i)
    if (!offline.has(i) && pick(3) === 0) hear(i)
  }
  offline.clear()
  clients.forEach((_, i) => send(i))
}

describe("the server's check that an update's entries name what it changed", () => {
  it(`never refuses honest clients: ${CLIENTS} clients × ${COMMANDS_PER_CLIENT} random commands, undos and redos, offline catch-ups`, () => {
    fc.assert(fc.property(fc.integer(), (seed) => run(seed)), { numRuns: Number(process.env.COLLAB_RUNS ?? 3) })
  }, 600_000)
})
