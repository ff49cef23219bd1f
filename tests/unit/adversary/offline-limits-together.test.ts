import { afterEach, describe, expect, it } from 'vitest'
import { LIMITS } from '@shared/model'
import { EDITORS, Lab, person, teamDeal, until } from '../collab-server/harness'
import type { DealSync } from '../../../electron/collab/deal-sync'

let lab: Lab
afterEach(() => lab.cleanUp())

import type { DealCommand } from '@shared/commands'

const action = (id: string): DealCommand => ({ type: 'add-action', stakeholderId: 'p1', action: { id, what: `Call ${id}`, done: false } })
const contact = (id: string): DealCommand => ({ type: 'log-contact', stakeholderId: 'p1', contact: { date: '2026-11-02', channel: 'call', sellerId: 's-anna', note: id } })

/**
 * Edits that are valid alone but not together: a person's list filled to its limit from both
 * sides, one of them offline (docs/collaboration.md, "Conflict rules": repairs are made when
 * reading, the same on every client). The laptop back online must not be stuck refusing the
 * team's state or having its own edits refused for ever.
 */
describe('offline edits valid alone, too many together', () => {
  const lists = [
    { list: 'actions', max: LIMITS.actionsPerStakeholder, make: action, keys: (s: DealSync) => (person(s, 'p1')?.actions ?? []).map((x) => x.id) },
    { list: 'contacts', max: LIMITS.contactsPerStakeholder, make: contact, keys: (s: DealSync) => (person(s, 'p1')?.contacts ?? []).map((x) => x.note) },
  ]
  for (const { list, max, make, keys } of lists) {
    it(`${list} added to one person on both sides past the limit: both laptops stay in sync and agree`, async () => {
      lab = new Lab()
      const server = await lab.server()
      const a = await lab.client({ dataDir: await lab.dataFolder(teamDeal()), serverUrl: server.url })
      await a.whenInSync()
      a.apply(Array.from({ length: max - 5 }, (_, i) => make(`base-${i}`)))
      await a.whenInSync()
      const b = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
      await b.whenInSync()
      a.disconnect()
      await until(() => a.status.kind === 'offline', 'A offline')
      a.apply(Array.from({ length: 5 }, (_, i) => make(`a-${i}`)))
      b.apply(Array.from({ length: 5 }, (_, i) => make(`b-${i}`)))
      await b.whenInSync()
      a.reconnect()
      await until(() => a.status.kind !== 'offline' && a.status.kind !== 'syncing', 'A back', 15_000)
      // Before: the server refused A's offline edits (update-refused), at every reconnect and restart.
      expect(a.status).toEqual({ kind: 'connected', readOnly: false })
      await a.whenInSync()
      await until(() => keys(b).some((k) => k.startsWith('a-')) || keys(a).length === keys(b).length && keys(a).every((k, i) => k === keys(b)[i]), 'B hears of A', 10_000)
      expect(b.status).toEqual({ kind: 'connected', readOnly: false })
      expect(keys(a)).toEqual(keys(b))
      expect(keys(a).length).toBe(max)
    })
  }
})
