import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStemOfId } from '@shared/file-names'
import { ipcCall } from '../store/helpers'
import { CollabLab, eventually, sharedThenOffline } from '../collab-app/helpers'

/**
 * A restart with this laptop's update log (`deals/<stem>.ydoc`) damaged: cut short by a crash of
 * the disk, or overwritten by another program. Trying again cannot help, so the top bar says what
 * is wrong and the way out (docs/collaboration.md, "Adversarial findings"): the log and the
 * readable copy stay as they were, and "Stop sharing here" keeps this laptop's copy as a private
 * deal, with the damaged log set aside beside it, not thrown away.
 */
describe('a restart with the update log damaged', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  for (const [what, damage] of [
    ['cut short', (log: Buffer) => log.subarray(0, Math.floor(log.byteLength / 2))],
    ['garbage', () => Buffer.from('not an update at all \u0000\u00ff')],
  ] as const) {
    it(`${what}: the pill says the log is damaged (not "could not be started, try again"), and Stop sharing here keeps the deal`, async () => {
      const { a, dealId, person } = await sharedThenOffline(lab)
      await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: person, field: 'title', value: 'CRO' }])
      await a.stopAll()
      const logPath = join(a.dataDir, 'deals', `${fileStemOfId(dealId)}.ydoc`)
      const damaged = damage(await readFile(logPath))
      await writeFile(logPath, damaged)

      const again = await lab.laptop(a.vault, a.dataDir)
      await ipcCall(again.handlers, 'workspace:load')
      expect((await ipcCall(again.handlers, 'deal:open', dealId)).deal.stakeholders.find((s) => s.id === person)?.title).toBe('CRO')
      const state = await eventually(() => ipcCall(again.handlers, 'collab:state', dealId), (s) => s !== null && s.status.kind === 'refused', 15_000)
      expect(state?.status).toEqual({ kind: 'refused', reason: 'log-damaged' })
      expect(await readFile(logPath)).toEqual(damaged) // left as it was

      await ipcCall(again.handlers, 'collab:unshare', dealId)
      expect(await ipcCall(again.handlers, 'collab:state', dealId)).toBeNull()
      expect((await ipcCall(again.handlers, 'deal:open', dealId)).deal.stakeholders.find((s) => s.id === person)?.title).toBe('CRO')
      expect(await readFile(logPath + '.damaged')).toEqual(damaged)
    })
  }
})
