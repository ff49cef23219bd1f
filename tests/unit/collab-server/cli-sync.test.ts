import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { toDealFile } from '@shared/model'
import { cli } from '../cli/helpers'
import { DEAL_ID, EDITORS, Lab, person, teamDeal, until, VIEWER } from './harness'

let lab: Lab
afterEach(() => lab.cleanUp())

const sync = (url: string, token: string, dataDir: string, ...more: string[]) => cli(['sync', '--server', url, '--token', token, '--data', dataDir, ...more])

describe('war-room sync', () => {
  it('shares the named deal, then syncs every shared deal both ways; exit 0 when in sync', async () => {
    lab = new Lab()
    const server = await lab.server()
    const mine = await lab.dataFolder(teamDeal())
    const first = await sync(server.url, EDITORS[0].token, mine, '--deal', DEAL_ID)
    expect(first.stderr).toBe('')
    expect(first).toMatchObject({ code: 0, stdout: `${DEAL_ID}: in sync (3 people)\n` })
    expect(JSON.parse(await readFile(join(mine, 'deals', `${DEAL_ID}.share.json`), 'utf8'))).toMatchObject({ serverUrl: server.url, documentName: `deal/${DEAL_ID}`, role: 'editor' })

    // A colleague joins into an empty data folder, edits in the app, and the CLI brings it back.
    const theirs = await lab.dataFolder()
    expect((await sync(server.url, EDITORS[1].token, theirs, '--deal', DEAL_ID)).code).toBe(0)
    const listed = await cli(['list', '--data', theirs, '--json'])
    expect(JSON.parse(listed.stdout).deals).toEqual([expect.objectContaining({ id: DEAL_ID, status: 'ok', stakeholders: 3 })])
    const colleague = await lab.client({ dataDir: theirs, serverUrl: server.url }, EDITORS[1])
    await colleague.whenInSync()
    colleague.apply([{ type: 'set-field', stakeholderId: 'p3', field: 'title', value: 'COO' }])
    await colleague.whenInSync()
    expect((await sync(server.url, EDITORS[0].token, mine)).code).toBe(0)
    const file = JSON.parse(await readFile(join(mine, 'deals', `${DEAL_ID}.json`), 'utf8'))
    expect(file.deal.stakeholders.find((s: { id: string }) => s.id === 'p3').title).toBe('COO')
  })

  it('exit 1 with the reason: a wrong token, a viewer sharing, an unreachable server', async () => {
    lab = new Lab()
    const server = await lab.server()
    const mine = await lab.dataFolder(teamDeal())
    const wrong = await sync(server.url, 'wrong-token-wrong-token-000', mine, '--deal', DEAL_ID)
    expect(wrong).toMatchObject({ code: 1, stderr: `${DEAL_ID}: refused: the server does not accept this token\n` })
    const viewer = await sync(server.url, VIEWER.token, mine, '--deal', DEAL_ID)
    expect(viewer.code).toBe(1)
    expect(viewer.stderr).toContain('viewer token')
    const port = server.port
    await server.stop()
    const gone = await sync(`ws://127.0.0.1:${port}`, EDITORS[0].token, mine, '--deal', DEAL_ID, '--timeout', '1')
    expect(gone).toMatchObject({ code: 1, stderr: `${DEAL_ID}: refused: the server cannot be reached\n` })
  })

  it("a viewer's local change is refused by the server: exit 1, and the server keeps its state", async () => {
    lab = new Lab()
    const server = await lab.server()
    const mine = await lab.dataFolder(teamDeal())
    expect((await sync(server.url, EDITORS[0].token, mine, '--deal', DEAL_ID)).code).toBe(0)
    const theirs = await lab.dataFolder()
    expect((await sync(server.url, VIEWER.token, theirs, '--deal', DEAL_ID)).code).toBe(0)
    // The viewer's data folder gets a change (a nightly import) and tries to push it.
    const file = JSON.parse(await readFile(join(theirs, 'deals', `${DEAL_ID}.json`), 'utf8'))
    file.deal.stakeholders[0].title = 'Changed by a viewer'
    const incoming = join(await lab.dir('in-'), 'deal.warroom.json')
    await writeFile(incoming, JSON.stringify(file))
    expect((await cli(['import', incoming, '--data', theirs, '--replace'])).code).toBe(0)
    const pushed = await sync(server.url, VIEWER.token, theirs)
    expect(pushed.code).toBe(1)
    expect(pushed.stderr).toContain('refused: this token is a viewer token')
    const check = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await check.whenInSync()
    expect(person(check, 'p1')?.title).toBe('Title 1')
  })
})

describe('war-room import --replace of a shared deal', () => {
  it('writes only what changed as field-level edits: a colleague\'s concurrent edit to another field survives', async () => {
    lab = new Lab()
    const server = await lab.server()
    const mine = await lab.dataFolder(teamDeal())
    expect((await sync(server.url, EDITORS[0].token, mine, '--deal', DEAL_ID)).code).toBe(0)
    const colleague = await lab.client({ dataDir: await lab.dataFolder(), serverUrl: server.url }, EDITORS[1])
    await colleague.whenInSync()
    colleague.apply([{ type: 'set-field', stakeholderId: 'p1', field: 'notes', value: 'prefers email' }])
    await colleague.whenInSync()

    // The nightly CRM export: the same deal with one title changed (and not the colleague's note).
    const crm = teamDeal()
    crm.deal.stakeholders[0] = { ...crm.deal.stakeholders[0], title: 'Group CIO' }
    const incoming = join(await lab.dir('crm-'), 'deal.warroom.json')
    await writeFile(incoming, JSON.stringify(toDealFile(crm.deal, crm.roster)))
    const imported = await cli(['import', incoming, '--data', mine, '--replace'])
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/The deal is shared: changes to .*p1.* recorded as field-level edits/)
    expect((await sync(server.url, EDITORS[0].token, mine)).code).toBe(0)
    await until(() => person(colleague, 'p1')?.title === 'Group CIO', 'the import reaches the colleague')
    expect(person(colleague, 'p1')?.notes).toBe('prefers email')
    const file = JSON.parse(await readFile(join(mine, 'deals', `${DEAL_ID}.json`), 'utf8'))
    expect(file.deal.stakeholders[0]).toMatchObject({ title: 'Group CIO', notes: 'prefers email' })
  })
})
