import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyCommand, type DealCommand } from '@shared/commands'
import { applyCommandsToDoc, createUserUndo, DealProjection, validateDocState } from '@shared/collab'
import { changedTargets, newLogValues, uncoveredTargets } from '@shared/collab/change-targets'
import { newStakeholder, type Deal, type Seller, type Stakeholder } from '@shared/model'
import { AT, sync, team, workspaceSellers, type Client } from '../collab/fixture'

/**
 * The direct path of a local edit on a shared deal (docs/collaboration.md, "The direct path"),
 * attacked with what a compromised renderer may send and what a colleague's concurrent state
 * may hold. The truth is `applyCommand` on the plain deal the user sees; both paths (direct
 * and general) must derive it, name what they changed in the log (the server's rule), and
 * leave a live projection equal to a fresh read of the doc.
 */

const context = () => ({ sellers: new Set(workspaceSellers().map((s) => s.id)) })

/** Run `commands` as one batch on `c`, the direct or the general way, and check the rules above. */
function applyChecked(c: Client, commands: DealCommand[], direct: boolean): Deal {
  const truth = commands.reduce((d, cmd) => applyCommand(d, cmd, context()), c.projection.file().deal)
  const uncovered: string[] = []
  const watch = (tr: Y.Transaction) => void uncovered.push(...uncoveredTargets(changedTargets(tr), newLogValues(tr)))
  c.doc.on('afterTransaction', watch)
  const out = applyCommandsToDoc(c.doc, commands, { origin: c.origin, author: c.author, sellers: workspaceSellers(), at: AT, projection: c.projection, direct })
  c.doc.off('afterTransaction', watch)
  expect(out.deal, `${direct ? 'direct' : 'general'}: ${commands.map((c) => c.type).join(', ')}`).toEqual(truth)
  expect(uncovered).toEqual([])
  expect(JSON.stringify(new DealProjection(c.doc).file())).toBe(JSON.stringify(c.projection.file()))
  return out.deal
}

const PATHS = [['direct', true], ['general', false]] as const

/**
 * A colleague deletes `sh-vendor` while we draw a line to them: after the merge the line is
 * hidden (read.ts). `drawnMeanwhile`: the colleague also draws a line of their own, which takes
 * the same order number as the hidden one (both the largest + 1), so only the key orders them.
 */
function hiddenLineTo(drawnMeanwhile?: DealCommand): [Client, Client] {
  const [a, b] = team(2)
  a.apply({ type: 'remove-stakeholders', ids: ['sh-vendor'] })
  if (drawnMeanwhile) a.apply(drawnMeanwhile)
  b.apply({ type: 'add-link', link: { id: 'l-hidden', from: 'sh-ceo', to: 'sh-vendor', kind: 'influences' } })
  sync(a, b)
  expect(a.projection.file().deal.links.some((l) => l.id === 'l-hidden')).toBe(false)
  return [a, b]
}

const vendorAgain = (): Stakeholder => newStakeholder({ id: 'sh-vendor', name: 'Marcus Hill', position: { x: 10, y: 10 } })

describe('a line hidden by a concurrent delete stays gone', () => {
  it.each(PATHS)('a person added again under the deleted id does not bring the hidden line back (%s path)', (_path, direct) => {
    const [a] = hiddenLineTo()
    const deal = applyChecked(a, [{ type: 'add-stakeholders', stakeholders: [vendorAgain()] }], direct)
    expect(deal.links.some((l) => l.id === 'l-hidden')).toBe(false)
  })

  it('a restored backup holding the deleted person shows the backup\'s lines, not the hidden one', () => {
    const [a] = hiddenLineTo()
    const backup = a.projection.file().deal
    const restored = { ...backup, stakeholders: [...backup.stakeholders, vendorAgain()] }
    const deal = applyChecked(a, [{ type: 'replace-deal', deal: restored }], true)
    expect(deal.links.map((l) => l.id)).toEqual(backup.links.map((l) => l.id))
  })

  it.each(PATHS)('a line drawn with the hidden line\'s id is listed last, where applyCommand puts it (%s path)', (_path, direct) => {
    const [a] = hiddenLineTo()
    a.apply({ type: 'add-link', link: { id: 'l-later', from: 'sh-ceo', to: 'sh-branch', kind: 'influences' } })
    const deal = applyChecked(a, [{ type: 'add-link', link: { id: 'l-hidden', from: 'sh-coo', to: 'sh-branch', kind: 'influences' } }], direct)
    expect(deal.links.slice(-2).map((l) => l.id)).toEqual(['l-later', 'l-hidden'])
  })

  it.each(PATHS)('so is one whose hidden namesake shares the last line\'s order number and sorts before it by key (%s path)', (_path, direct) => {
    const [a] = hiddenLineTo({ type: 'add-link', link: { id: 'l-later', from: 'sh-ceo', to: 'sh-branch', kind: 'influences' } })
    // With another command in the batch, the general path takes it whatever `direct` says.
    const deal = applyChecked(a, [
      { type: 'set-field', stakeholderId: 'sh-ceo', field: 'notes', value: 'Sponsor' },
      { type: 'add-link', link: { id: 'l-hidden', from: 'sh-coo', to: 'sh-branch', kind: 'influences' } },
    ], direct)
    expect(deal.links.slice(-2).map((l) => l.id)).toEqual(['l-later', 'l-hidden'])
  })
})

describe('a colleague\'s "__proto__" key in a person', () => {
  /** Written straight into the doc, as a hostile peer's raw update would (no command makes it). */
  function protoKey(value: object): [Client, Client] {
    const [a, b] = team(2)
    const m = b.doc.getMap('people').get('sh-cfo') as Y.Map<unknown>
    b.doc.transact(() => m.set('__proto__', value))
    sync(a, b)
    return [a, b]
  }

  it('is refused by the state check, as any key that is no field is', () => {
    const [a] = protoKey({ favoredCompetitor: 'NorthBridge Systems' })
    expect(validateDocState(a.doc).ok).toBe(false)
  })

  it('lends no field its value, so the live deal equals a fresh read of the doc', () => {
    const [a] = protoKey({ favoredCompetitor: 'NorthBridge Systems' })
    const live = a.projection.file().deal.stakeholders.find((s) => s.id === 'sh-cfo')
    expect(live).toEqual(new DealProjection(a.doc).file().deal.stakeholders.find((s) => s.id === 'sh-cfo'))
    expect(live?.favoredCompetitor).toBeUndefined()
  })
})

describe('the live projection after a colleague\'s edit equals a fresh read', () => {
  it('a person whose order number a colleague changed is listed where a fresh read lists them', () => {
    const [a, b] = team(2)
    a.projection.file()
    const ceo = b.doc.getMap('people').get('sh-ceo') as Y.Map<unknown>
    // A state the server accepts: the entry names the person and the key.
    b.doc.transact(() => {
      ceo.set('$o', 1000)
      b.doc.getArray('log').push([{ id: 'reorder', at: AT, author: b.author, command: 'set-field', targets: ['sh-ceo', 'field:sh-ceo:$o'] }])
    })
    sync(a, b)
    expect(validateDocState(a.doc).ok).toBe(true)
    expect(a.projection.file().deal.stakeholders.map((s) => s.id)).toEqual(new DealProjection(a.doc).file().deal.stakeholders.map((s) => s.id))
    expect(a.projection.file().deal.stakeholders.at(-1)?.id).toBe('sh-ceo')
    // And the direct path, which finds people through the projection, still edits the right card.
    applyChecked(a, [{ type: 'set-field', stakeholderId: 'sh-ceo', field: 'title', value: 'Group CEO' }], true)
  })
})

describe('the same file on both paths', () => {
  it('a seller named again after a newer one came in keeps one place in the roster, whichever path wrote it', () => {
    const spare: Seller = { id: 'seller-spare', name: 'Sam Spare', kinds: ['account'], level: 'mid' }
    const later: Seller = { id: 'seller-later', name: 'Lee Later', kinds: ['solution'], level: 'junior' }
    const sellers = [...workspaceSellers(), spare, later]
    const files = PATHS.map(([, direct]) => {
      const [a] = team(1)
      for (const command of [
        { type: 'add-owner', stakeholderId: 'sh-vendor', sellerId: spare.id },
        { type: 'remove-owner', stakeholderId: 'sh-vendor', sellerId: spare.id },
        { type: 'add-owner', stakeholderId: 'sh-vendor', sellerId: later.id },
        { type: 'add-owner', stakeholderId: 'sh-vendor', sellerId: spare.id },
      ] as DealCommand[]) applyCommandsToDoc(a.doc, [command], { origin: a.origin, author: a.author, sellers, at: AT, projection: a.projection, direct })
      return a.projection.file()
    })
    expect(files[0].roster.map((s) => s.id)).toEqual(files[1].roster.map((s) => s.id))
    expect(JSON.stringify(files[0])).toBe(JSON.stringify(files[1]))
  })
})

describe('undo of a field a colleague set at the same time', () => {
  const signing = (name: string) => ({ author: { name, email: `${name.toLowerCase()}@example.com` }, now: () => new Date(AT) })
  const vendorEmail = (c: Client) => c.projection.file().deal.stakeholders.find((s) => s.id === 'sh-vendor')?.email

  it.each([
    ['our value showed', 2, 1],
    ["the colleague's value showed", 1, 2],
  ])('a field neither had before keeps the value showing, never ends up empty (%s)', (_case, aId, bId) => {
    const [a, b] = team(2)
    a.doc.clientID = aId
    b.doc.clientID = bId
    const undoA = createUserUndo(a.doc, a.origin, { signing: signing('A') })
    expect(vendorEmail(a)).toBeUndefined()
    a.apply({ type: 'set-field', stakeholderId: 'sh-vendor', field: 'email', value: 'marcus@harbor.example' })
    b.apply({ type: 'set-field', stakeholderId: 'sh-vendor', field: 'email', value: 'm.hill@harbor.example' })
    sync(a, b)
    const showing = vendorEmail(a)
    undoA.undo()
    sync(a, b)
    for (const c of [a, b]) expect(vendorEmail(c)).toBe(showing)
    expect(validateDocState(a.doc).ok).toBe(true)
  })

  it('a field the batch created and then changed is taken back whole when nobody else wrote it', () => {
    const [a] = team(1)
    const undoA = createUserUndo(a.doc, a.origin, { signing: signing('A') })
    a.apply(
      { type: 'set-field', stakeholderId: 'sh-vendor', field: 'email', value: 'first@harbor.example' },
      { type: 'set-field', stakeholderId: 'sh-vendor', field: 'email', value: 'second@harbor.example' },
    )
    undoA.undo()
    expect(vendorEmail(a)).toBeUndefined()
  })
})

describe('a contact logged when two colleagues\' contacts merged out of date order', () => {
  it.each(PATHS)('is read where applyCommand puts it: after the contacts of its own date (%s path)', (_path, direct) => {
    const [a, b] = team(2)
    // Both insert at the top of an empty log at once; Yjs puts the lower client's first: older, then newer.
    a.doc.clientID = 1
    b.doc.clientID = 2
    const contact = (date: string, note: string) => ({ date, channel: 'call' as const, sellerId: 'seller-anna', note })
    a.apply({ type: 'log-contact', stakeholderId: 'sh-vendor', contact: contact('2026-03-01', 'March call') })
    b.apply({ type: 'log-contact', stakeholderId: 'sh-vendor', contact: contact('2026-06-01', 'June call') })
    sync(a, b)
    const deal = applyChecked(a, [{ type: 'log-contact', stakeholderId: 'sh-vendor', contact: contact('2026-06-01', 'Second June call') }], direct)
    expect(deal.stakeholders.find((s) => s.id === 'sh-vendor')?.contacts.map((c) => c.note)).toEqual(['June call', 'Second June call', 'March call'])
  })
})

describe('what held', () => {
  it.each(PATHS)('ids named like Object\'s own keys are plain ids on the %s path (the writers key by Map, not by object)', (_path, direct) => {
    const [a] = team(1)
    for (const id of ['__proto__', 'constructor', 'toString']) {
      applyChecked(a, [{ type: 'add-stakeholders', stakeholders: [newStakeholder({ id, name: `Card ${id}`, position: { x: 1, y: 1 } })], links: [{ id, from: id, to: 'sh-ceo', kind: 'influences' }] }], direct)
      applyChecked(a, [
        { type: 'set-field', stakeholderId: id, field: 'title', value: 'Odd' },
        { type: 'add-owner', stakeholderId: id, sellerId: 'seller-anna' },
        { type: 'add-action', stakeholderId: id, action: { id, what: 'Call', done: false } },
        { type: 'move-stakeholders', moves: [{ id, position: { x: 5, y: 5 } }, { id, position: { x: 7, y: 7 } }] },
      ], direct)
      applyChecked(a, [{ type: 'set-action-field', stakeholderId: id, actionId: id, field: 'done', value: true }], direct)
    }
    expect(a.projection.file().deal.stakeholders.filter((s) => s.title === 'Odd').map((s) => s.position)).toEqual([{ x: 7, y: 7 }, { x: 7, y: 7 }, { x: 7, y: 7 }])
    applyChecked(a, [{ type: 'remove-stakeholders', ids: ['__proto__', 'constructor', 'toString'] }], direct)
    expect(validateDocState(a.doc).ok).toBe(true)
  })

  it('a redo after a colleague deleted the person writes nothing a server would refuse', () => {
    const [a, b] = team(2)
    const undoA = createUserUndo(a.doc, a.origin, { signing: { author: a.author, now: () => new Date(AT) } })
    const uncovered: string[] = []
    a.doc.on('afterTransaction', (tr: Y.Transaction) => void uncovered.push(...uncoveredTargets(changedTargets(tr), newLogValues(tr))))
    a.apply({ type: 'set-field', stakeholderId: 'sh-vendor', field: 'title', value: 'Vendor lead' })
    a.apply({ type: 'log-contact', stakeholderId: 'sh-vendor', contact: { date: '2026-11-01', channel: 'call', sellerId: 'seller-anna', note: 'Intro' } })
    undoA.undo()
    undoA.undo()
    sync(a, b)
    b.apply({ type: 'remove-stakeholders', ids: ['sh-vendor'] })
    sync(a, b)
    undoA.redo()
    undoA.redo()
    expect(uncovered).toEqual([])
    expect(validateDocState(a.doc).ok).toBe(true)
    expect(a.projection.file().deal.stakeholders.some((s) => s.id === 'sh-vendor')).toBe(false)
    expect(JSON.stringify(a.projection.file())).toBe(JSON.stringify(new DealProjection(a.doc).file()))
  })
})
