import { afterEach, describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { newId, newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { ANNA, BRUNO, CollabLab, eventually, newDeal, sharedBetweenTwo } from './helpers'

const person = (id: string, name: string) => ({ type: 'add-stakeholders' as const, stakeholders: [newStakeholder({ id, name, position: { x: 0, y: 0 } })] })

describe('snapshots of a shared deal name who took them and the author of each change since (docs/collaboration.md, "Snapshots and authors")', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('the edits between two snapshots, and since the last one, each name their author; a later edit is not between them', async () => {
    const { a, b, dealId } = await sharedBetweenTwo(lab)
    const dana = newId()
    await ipcCall(a.handlers, 'collab:apply', dealId, [person(dana, 'Dana Whitfield')])
    await eventually(() => b.deals.some((d) => d.stakeholders.some((s) => s.id === dana)), Boolean)

    const review = await ipcCall(a.handlers, 'snapshot:save', dealId, 'Before the review')
    expect(review.author).toEqual({ name: ANNA.name, email: ANNA.email })
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'title', value: 'CRO' }])
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-deal-facts', patch: { stage: 'negotiate' } }])
    await eventually(async () => (await ipcCall(a.handlers, 'collab:log', dealId, 10)).length, (n) => n >= 3)
    const second = await ipcCall(a.handlers, 'snapshot:save', dealId, 'After the review')
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: dana, field: 'notes', value: 'Later' }])

    const between = await ipcCall(a.handlers, 'snapshot:authors', dealId, review.id, second.id)
    expect(between.map((e) => [e.author.name, e.targets]).sort()).toEqual([[ANNA.name, ['deal']], [BRUNO.name, [dana, `field:${dana}:title`]]])
    const untilNow = await ipcCall(a.handlers, 'snapshot:authors', dealId, second.id, null)
    expect(untilNow.map((e) => [e.author.name, e.command])).toEqual([[ANNA.name, 'set-field']])

    // Kept with the snapshot: a restart lists who took it.
    const again = await lab.laptop(undefined, a.dataDir)
    await ipcCall(again.handlers, 'workspace:load')
    const listed = await ipcCall(again.handlers, 'snapshot:list', dealId)
    expect(listed.map((s) => s.author?.name)).toEqual([ANNA.name, ANNA.name])
    const stem = (await readdir(join(a.dataDir, 'snapshots')))[0]
    const files = (await readdir(join(a.dataDir, 'snapshots', stem))).filter((f) => f !== 'index.json')
    const onDisk = JSON.parse(await readFile(join(a.dataDir, 'snapshots', stem, files[0]), 'utf8'))
    expect(onDisk).toMatchObject({ version: 2, team: { author: { name: ANNA.name } } })
  })

  it('a snapshot of a deal that is not shared names nobody and stays a version 1 file', async () => {
    const a = await lab.laptop()
    const dealId = await newDeal(a)
    const snap = await ipcCall(a.handlers, 'snapshot:save', dealId, 'Solo')
    expect(snap.author).toBeUndefined()
    expect(await ipcCall(a.handlers, 'snapshot:authors', dealId, snap.id, null)).toEqual([])
  })
})
