import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authorsOfChange, changeLogBetween, logMark } from '@shared/collab'
import { diffDeals } from '@shared/changes'
import { sync, team, TODAY, workspaceSellers } from './fixture'

describe('snapshots of a shared deal name the author of each change (docs/collaboration.md, "Snapshots and authors")', () => {
  it('the entries between two marks are exactly the edits made between them, whatever the authors\' clocks said', () => {
    const [a, b] = team(2)
    a.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'title', value: 'Group CFO' })
    sync(a, b)
    const first = logMark(a.doc)
    b.apply({ type: 'set-field', stakeholderId: 'sh-coo', field: 'stance', value: 'neutral' })
    sync(a, b)
    const second = logMark(a.doc)
    a.apply({ type: 'set-field', stakeholderId: 'sh-cio', field: 'title', value: 'CIO & CTO' })
    // Every entry here carries the same time: the mark decides, not the clocks.
    expect(changeLogBetween(a.doc, first, second).map((e) => [e.author.name, e.targets])).toEqual([['B', ['sh-coo', 'field:sh-coo:stance']]])
    expect(changeLogBetween(a.doc, first, null).map((e) => e.author.name)).toEqual(['B', 'A'])
    expect(changeLogBetween(a.doc, second, null).map((e) => e.targets)).toEqual([['sh-cio', 'field:sh-cio:title']])
  })

  it('an edit made offline before a snapshot elsewhere, merged after it, counts as after that snapshot', () => {
    const [a, b] = team(2)
    b.apply({ type: 'set-field', stakeholderId: 'sh-proc', field: 'stance', value: 'supporter' }) // on a plane
    const snapshot = logMark(a.doc) // A takes the snapshot without B's edit
    sync(a, b)
    expect(changeLogBetween(a.doc, snapshot, null).map((e) => [e.author.name, e.targets])).toEqual([['B', ['sh-proc', 'field:sh-proc:stance']]])
  })

  it('a mark that is not a state vector counts as the empty doc\'s: every entry is after it, nothing throws', () => {
    const [a] = team(1)
    a.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'title', value: 'Group CFO' })
    const all = changeLogBetween(a.doc, null, null).length
    expect(changeLogBetween(a.doc, new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1]), null)).toHaveLength(all)
  })

  it('each change of the comparison names who made it: people, facts, lines and seats; findings name nobody', () => {
    const [a, b] = team(2)
    const mark = logMark(a.doc)
    const before = a.projection.file().deal
    a.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'stance', value: 'supporter' })
    b.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'title', value: 'Group CFO' })
    b.apply({ type: 'set-deal-facts', patch: { stage: 'negotiate' } })
    b.apply({ type: 'add-link', link: { id: 'ln-new', from: 'sh-vendor', to: 'sh-ceo', kind: 'influences' } })
    sync(a, b)
    const after = a.projection.file().deal
    const entries = changeLogBetween(a.doc, mark, null)
    const changes = diffDeals(before, after, workspaceSellers(), { today: TODAY })
    const by = (kind: string) => authorsOfChange(changes.find((c) => c.kind === kind)!, entries, { before, after })
    // The log names the fields it wrote: the stance is A's, the title B's, though both edited the CFO.
    expect(by('stance-changed')).toEqual(['A'])
    expect(by('title-changed')).toEqual(['B'])
    // An entry that names only the person (written before fields were logged) counts for all of them.
    const old = entries.map((e) => ({ ...e, targets: e.targets.filter((t) => !t.startsWith('field:')) }))
    expect(authorsOfChange(changes.find((c) => c.kind === 'stance-changed')!, old, { before, after }).sort()).toEqual(['A', 'B'])
    expect(by('stage-changed')).toEqual(['B'])
    expect(by('line-added')).toEqual(['B'])
    b.apply({ type: 'seat-seller', sellerId: workspaceSellers()[0].id, seat: 'solution' })
    const seated = b.projection.file().deal
    const seatChange = diffDeals(after, seated, workspaceSellers(), { today: TODAY }).find((c) => c.kind.startsWith('seat-'))
    expect(seatChange).toBeDefined()
    expect(authorsOfChange(seatChange!, changeLogBetween(b.doc, logMark(a.doc), null), { before: after, after: seated })).toEqual(['B'])
    const finding = diffDeals(before, after, workspaceSellers(), { today: TODAY, analyze: (d) => ({ findings: d === after ? [{ code: 'x', severity: 'risk', stakeholderIds: ['sh-cfo'] }] : [], relationships: {} }) })
    const found = finding.find((c) => c.kind === 'finding-new')!
    expect(authorsOfChange(found, entries, { before, after })).toEqual([])
    const untouched = Y.encodeStateVector(a.doc)
    expect(changeLogBetween(a.doc, untouched, null)).toEqual([])
  })
})
