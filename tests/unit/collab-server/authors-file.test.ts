import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DocumentFiles } from '../../../electron/server/document-files'

// `<node>.authors.json` (docs/collaboration.md, "Authors are checked", Kept): bindings and marks.

let dir = ''
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('the authors files beside a document', () => {
  it('a version 1 file binds with no marks; marks of two nodes merge to the furthest; a damaged file binds nobody', async () => {
    dir = await mkdtemp(join(tmpdir(), 'authors-'))
    const folder = join(dir, 'docs', 'deal-1')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'old.authors.json'), JSON.stringify({ format: 'deal-war-room.server-authors', version: 1, clients: { 7: 'Anna\u0000anna@example.com' } }))
    await writeFile(join(folder, 'broken.authors.json'), '{"format":')
    const n1 = new DocumentFiles(dir, 'n1')
    const n2 = new DocumentFiles(dir, 'n2')
    await n1.writeAuthors('deal-1', { clients: new Map([[8, 'Bruno\u0000bruno@example.com']]), marks: new Map([[8, 5]]) })
    await n2.writeAuthors('deal-1', { clients: new Map([[8, 'Bruno\u0000bruno@example.com']]), marks: new Map([[8, 9], [7, 2]]) })
    const read = await n1.readAuthors('deal-1')
    expect(read.clients).toEqual(new Map([[7, 'Anna\u0000anna@example.com'], [8, 'Bruno\u0000bruno@example.com']]))
    expect(read.marks).toEqual(new Map([[8, 9], [7, 2]]))
  })

  it('a mark that is not a whole clock makes the file damaged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'authors-'))
    const folder = join(dir, 'docs', 'deal-1')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'x.authors.json'), JSON.stringify({ format: 'deal-war-room.server-authors', version: 2, clients: { 7: 'A\u0000a' }, marks: { 7: -1 } }))
    expect((await new DocumentFiles(dir, 'n1').readAuthors('deal-1')).clients.size).toBe(0)
  })
})
