import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { applyCommand, CommandError, type DealCommand } from '@shared/commands'
import { applyCommandsToDoc, createUserUndo, DealProjection, localOrigin, seedDoc } from '@shared/collab'
import { changedTargets, newLogValues, uncoveredTargets } from '@shared/collab/change-targets'
import { planDirect } from '@shared/collab/direct-apply'
import { rootsOf } from '@shared/collab/schema'
import { CONTACT_CHANNELS, DealFileSchema, SELLER_KINDS, type Deal, type DealFile, type Seller } from '@shared/model'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { AT, sampleFile, workspaceSellers } from './fixture'
import { prng, randomCommand, type Pick } from './random-commands'

/**
 * The direct path (docs/collaboration.md, "The direct path"): for random deals and random
 * command sequences, the deal derived from the doc after the direct Y ops equals `applyCommand`
 * on the plain deal, and so does the one the general way (apply, then diff) writes; a refused
 * command is refused alike and writes nothing; every entry names what its transaction changed
 * (the server's rule); one undo takes back exactly one command.
 */

/** Commands the shared generator makes seldom or never: clearing fields, errors, several people at once. */
function edgeCommand(deal: Deal, sellers: readonly Seller[], pick: Pick, newId: () => string): DealCommand {
  const people = deal.stakeholders
  const p = people[pick(people.length)]
  const other = people[pick(people.length)]
  const seller = sellers[pick(sellers.length)].id
  const action = p.actions?.[pick(p.actions.length)]
  const rel = p.relationships[pick(p.relationships.length)]
  switch (pick(16)) {
    case 0: return { type: 'set-field', stakeholderId: p.id, field: 'email', value: pick(2) === 0 ? null : `  p${pick(9)}@example.com ` }
    case 1: return { type: 'set-field', stakeholderId: p.id, field: 'placeholder', value: pick(2) === 0 ? null : true }
    case 2: return { type: 'set-field', stakeholderId: p.id, field: 'name', value: pick(3) === 0 ? '  ' : `Named ${pick(9)}` }
    case 3: return { type: 'set-field', stakeholderId: pick(2) === 0 ? 'nobody' : p.id, field: 'favoredCompetitor', value: pick(2) === 0 ? null : 'Rival\u0007 Inc' }
    case 4: return { type: 'set-field', stakeholderId: p.id, field: 'title', value: p.title }
    case 5: return { type: 'move-stakeholders', moves: [{ id: p.id, position: { x: pick(99), y: pick(99) } }, { id: other.id, position: other.position }, { id: 'nobody', position: { x: 1, y: 1 } }] }
    case 6: return action ? { type: 'set-action-field', stakeholderId: p.id, actionId: action.id, field: pick(2) === 0 ? 'due' : 'ownerId', value: pick(2) === 0 ? null : pick(2) === 0 ? '2027-01-0' + (1 + pick(9)) : seller } as DealCommand : { type: 'remove-action', stakeholderId: p.id, actionId: 'none' }
    case 7: return { type: 'set-element', stakeholderId: p.id, sellerId: rel?.sellerId ?? seller, element: pick(2) === 0 ? 'frequency' : 'goodwill', score: pick(3) === 0 ? null : pick(7) }
    case 8: return { type: 'set-relationship-field', stakeholderId: p.id, sellerId: rel?.sellerId ?? seller, field: 'knownSince', value: pick(2) === 0 ? null : '2025-03-01' }
    case 9: return { type: 'log-contact', stakeholderId: p.id, contact: { date: p.contacts[0]?.date ?? '2026-01-01', channel: CONTACT_CHANNELS[pick(CONTACT_CHANNELS.length)], sellerId: seller, note: 'again\u0000' } }
    case 10: return { type: 'remove-owner', stakeholderId: p.id, sellerId: seller }
    case 11: return { type: 'add-action', stakeholderId: p.id, action: { id: action?.id ?? newId(), what: ' call\u0001 back ', done: pick(2) === 0, ...(pick(2) === 0 ? { ownerId: seller, due: '2027-02-02' } : {}) } }
    case 12: return { type: 'remove-stakeholders', ids: [p.id, other.id] }
    case 13: return { type: 'add-link', link: { id: newId(), from: p.id, to: p.id, kind: 'ally' } }
    case 14: return { type: 'set-deal-facts', patch: { competitors: [...deal.competitors], notes: `n${pick(3)}` } }
    default: return { type: 'seat-seller', sellerId: seller, seat: SELLER_KINDS[pick(SELLER_KINDS.length)] }
  }
}

/** A small random deal: the sample deal or a generated one; the workspace has one seller the deal does not use yet. */
function randomFile(pick: Pick): { file: DealFile; sellers: Seller[] } {
  if (pick(3) === 0) return { file: sampleFile(), sellers: workspaceSellers() }
  const generated = generateDeal({ stakeholders: 3 + pick(25), seed: pick(1_000_000), sellers: 2 + pick(5) })
  // Contacts newest first, as every deal the app writes keeps them (contact-commands.ts): the generator does not sort them.
  const newestFirst = (a: { date: string }, b: { date: string }) => b.date.localeCompare(a.date)
  const stakeholders = generated.deal.stakeholders.map((s) => ({ ...s, contacts: [...s.contacts].sort(newestFirst) }))
  // As the doc reads it (a second equal line the generator drew is left out, read.ts), so the doc holds nothing the deal does not.
  const scratch = new Y.Doc()
  seedDoc(scratch, { ...generated, deal: { ...generated.deal, stakeholders } })
  const file = new DealProjection(scratch).file()
  const spare: Seller = { id: 'seller-spare', name: 'Spare Seller', kinds: ['account'], level: 'mid' }
  return { file, sellers: [...file.roster, spare] }
}


interface Side {
  doc: Y.Doc
  projection: DealProjection
  /** Every entry names what its transaction changed (the server's rule, docs/collaboration.md "Authors are checked"). */
  uncovered: string[]
}

function side(file: DealFile): Side {
  const doc = new Y.Doc()
  seedDoc(doc, file)
  const s: Side = { doc, projection: new DealProjection(doc), uncovered: [] }
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if ((tr.origin as { kind?: string } | null)?.kind === 'local') s.uncovered.push(...uncoveredTargets(changedTargets(tr), newLogValues(tr)))
  })
  return s
}

const PERSONAL_OR_DEAL_LEVEL = new Set(['set-field', 'move-stakeholders', 'add-owner', 'remove-owner', 'add-relationship', 'remove-relationship', 'set-element', 'raise-depth', 'set-relationship-field', 'log-contact', 'remove-contact', 'add-action', 'set-action-field', 'remove-action', 'add-stakeholders', 'remove-stakeholders', 'add-link', 'update-link', 'remove-links', 'set-link-label', 'seat-seller', 'unseat-seller', 'set-lead', 'set-deal-facts'])

function run(seed: number, steps: number): { direct: number } {
  const pick = prng(seed)
  const { file, sellers } = randomFile(pick)
  const direct = side(file)
  const general = side(file)
  const origin = localOrigin('me')
  const author = { name: 'Me', email: 'me@example.com' }
  const undo = createUserUndo(direct.doc, origin)
  const context = { sellers: new Set([...sellers, ...file.roster].map((s) => s.id)) }
  // The deal as the doc holds it (a generated deal's contacts are read newest first, read.ts).
  let plain = direct.projection.file().deal
  let ids = 0
  let directBatches = 0
  const newId = () => `x${seed}-${ids++}`
  for (let step = 0; step < steps; step++) {
    const batch: DealCommand[] = []
    for (let k = pick(4) === 0 ? 2 + pick(2) : 1; k > 0; k--) {
      const seen = direct.projection.file()
      batch.push(pick(3) === 0 ? edgeCommand(seen.deal, sellers, pick, newId) : randomCommand(seen, sellers, pick, newId))
    }
    let expected: Deal | CommandError
    try {
      expected = batch.reduce((d, c) => applyCommand(d, c, context), plain)
    } catch (e) {
      if (!(e instanceof CommandError)) throw e
      expected = e
    }
    // Whether this batch takes the direct path (a batch of one deal-level command, or of person commands).
    const roots = rootsOf(direct.doc)
    const start = direct.projection.file()
    const workspace = new Map([...sellers, ...start.roster].map((s) => [s.id, s]))
    let planned: unknown = 'refused'
    try {
      planned = planDirect({ roots, projection: direct.projection, start, commands: batch, context, workspace, rosterIds: new Set(start.roster.map((s) => s.id)) })
    } catch (e) {
      if (!(e instanceof CommandError)) throw e
    }
    if (planned !== null && planned !== 'refused') directBatches++
    if (batch.length === 1 && PERSONAL_OR_DEAL_LEVEL.has(batch[0].type) && !(expected instanceof CommandError)) expect(planned, batch[0].type).not.toBeNull()

    const before = { direct: Y.encodeStateVector(direct.doc), general: Y.encodeStateVector(general.doc) }
    for (const [s, useDirect] of [[direct, true], [general, false]] as const) {
      const doIt = () => applyCommandsToDoc(s.doc, batch, { origin, author, sellers, at: AT, projection: s.projection, direct: useDirect })
      if (expected instanceof CommandError) {
        const code = expected.code
        expect(doIt).toThrowError(expect.objectContaining({ code }))
      } else {
        const out = doIt()
        // Line order included: merge-people moves the merged card's lines to the end, so must the doc.
        expect(out.deal, `${useDirect ? 'direct' : 'general'}: ${JSON.stringify(batch)}`).toEqual(expected)
        expect(DealFileSchema.safeParse(out).success).toBe(true)
        // The file as it is written to disk: the same JSON, key order included.
        expect(JSON.stringify(s.projection.file().deal)).toBe(JSON.stringify(new DealProjection(s.doc).file().deal))
      }
    }
    if (expected instanceof CommandError) {
      // A refused batch writes nothing, on either path.
      expect(Y.encodeStateVector(direct.doc)).toEqual(before.direct)
      expect(Y.encodeStateVector(general.doc)).toEqual(before.general)
      continue
    }
    // The same doc on both paths, not only the same deal: the roster as the file lists it too.
    expect(JSON.stringify(direct.projection.file()), JSON.stringify(batch)).toBe(JSON.stringify(general.projection.file()))
    const previous = plain
    plain = expected
    expect(direct.uncovered).toEqual([])
    expect(general.uncovered).toEqual([])
    // One undo takes back exactly this batch (one command, or the commands dispatched together); redo brings it back.
    // (A command that rewrites a value with the same one changes nothing, and is no undo step.)
    if (pick(4) === 0 && JSON.stringify(plain) !== JSON.stringify(previous)) {
      undo.undo()
      expect(direct.projection.file().deal, `undo of ${JSON.stringify(batch)} at step ${step}`).toEqual(previous)
      undo.redo()
      expect(direct.projection.file().deal).toEqual(plain)
    }
  }
  return { direct: directBatches }
}

describe('direct path: the Y ops each command means', () => {
  it('derive the deal applyCommand gives, as the general path does, for random deals and commands', () => {
    let directBatches = 0
    if (process.env.SEED) return void run(Number(process.env.SEED), 40)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        directBatches += run(seed, 40).direct
      }),
      { numRuns: Number(process.env.DIRECT_RUNS ?? 40) },
    )
    // The proof is about the direct path: most batches must have taken it.
    expect(directBatches).toBeGreaterThan(40 * 40 * 0.5)
  })
})

describe('undo of a batch that writes one key twice', () => {
  it('takes back a line the batch drew and then changed: no line is left', () => {
    const file = sampleFile()
    const s = side(file)
    const origin = localOrigin('me')
    const undo = createUserUndo(s.doc, origin)
    const joined = (x: string, y: string) => file.deal.links.some((l) => (l.from === x && l.to === y) || (l.from === y && l.to === x))
    const people = file.deal.stakeholders
    const [a, b] = people.flatMap((x) => people.filter((y) => y.id !== x.id && !joined(x.id, y.id)).map((y) => [x, y]))[0]
    const before = s.projection.file().deal
    applyCommandsToDoc(s.doc, [
      { type: 'add-link', link: { id: 'l-new', from: a.id, to: b.id, kind: 'influences' } },
      { type: 'update-link', id: 'l-new', kind: 'reports-to', reverse: true },
    ], { origin, author: { name: 'Me', email: 'me@example.com' }, sellers: workspaceSellers(), at: AT, projection: s.projection })
    expect(s.projection.file().deal.links.find((l) => l.id === 'l-new')).toMatchObject({ from: b.id, to: a.id, kind: 'reports-to' })
    undo.undo()
    expect(s.projection.file().deal).toEqual(before)
  })
})
