import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileStemOfId } from '@shared/file-names'
import type { DealFile } from '@shared/model'
import { newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { aSeller } from '../../fixtures/builders'
import { CollabLab, eventually, sharedBetweenTwo } from './helpers'

/**
 * A colleague brings a seller of their own team roster into a shared deal (a relationship, a
 * seat, or the account's update on open, whose relationships name the sellers who hold them):
 * main's doc takes the seller from this laptop's roster, as a private deal's save does, and the
 * team sees them (docs/collaboration.md, "The deal derived from the document"). It refused the command as "This seller is
 * not in the roster" (walk team-shared-people, step 3).
 */
describe('a seller of this laptop\'s roster in a shared deal (real server on 127.0.0.1)', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('Bruno seats himself and relates to a person: accepted, and Anna sees him in the deal\'s roster', async () => {
    const person = newStakeholder({ name: 'Priya Raman', position: { x: 0, y: 0 } })
    const { a, b, dealId } = await sharedBetweenTwo(lab, async (anna, id) => {
      const { deal } = await ipcCall(anna.handlers, 'deal:open', id)
      await ipcCall(anna.handlers, 'deal:save', { ...deal, stakeholders: [person] })
    })
    await eventually(() => ipcCall(b.handlers, 'collab:state', dealId), (s) => s?.status.kind === 'connected')
    await ipcCall(b.handlers, 'roster:save', aSeller('bruno-k', { name: 'Bruno Keller' }))
    await ipcCall(b.handlers, 'collab:apply', dealId, [
      { type: 'add-relationship', stakeholderId: person.id, sellerId: 'bruno-k' },
      { type: 'set-element', stakeholderId: person.id, sellerId: 'bruno-k', element: 'goodwill', score: 5 },
    ])
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'seat-seller', sellerId: 'bruno-k', seat: 'project' }])
    const seen = await eventually(() => ipcCall(a.handlers, 'deal:open', dealId), (r) => r.deal.stakeholders[0]?.relationships.length === 1 && r.deal.team.some((t) => t.sellerId === 'bruno-k'), 15_000)
    expect(seen.deal.stakeholders[0].relationships[0]).toMatchObject({ sellerId: 'bruno-k' })
    // Anna's readable copy names him, so her analysis and deck know who he is.
    const file = join(a.dataDir, 'deals', `${fileStemOfId(dealId)}.json`)
    const roster = await eventually(async () => (JSON.parse(await readFile(file, 'utf8')) as DealFile).roster, (r) => r.some((x) => x.id === 'bruno-k'), 15_000)
    expect(roster.find((x) => x.id === 'bruno-k')?.name).toBe('Bruno Keller')
    // And her team roster, which the page names sellers by, once the deals list has caught up.
    const workspace = await eventually(() => ipcCall(a.handlers, 'workspace:load'), (w) => w.roster.some((x) => x.id === 'bruno-k'), 15_000)
    expect(workspace.roster.find((x) => x.id === 'bruno-k')?.name).toBe('Bruno Keller')
  })
})
