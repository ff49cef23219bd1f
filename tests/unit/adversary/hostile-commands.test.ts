import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError, type DealCommand } from '../../../shared/commands'
import { DealSchema, newDeal, newStakeholder, type Deal } from '../../../shared/model'

/**
 * Every command is treated as if a malicious colleague's app had sent it: wrong types,
 * unknown fields, NaN and huge numbers, strings that are too long, prototype keys, ids of
 * other deals. Whatever arrives, applying it gives a deal the schema accepts or a typed
 * CommandError; never a TypeError, never a deal the app could not save.
 */

function startDeal(): Deal {
  const deal = newDeal({ id: 'deal-1', name: 'Hospital ERP' })
  const a = newStakeholder({ id: 'p1', name: 'Helen Marsh', position: { x: 0, y: 0 } })
  const b = newStakeholder({ id: 'p2', name: '', placeholder: true, title: 'COO', position: { x: 200, y: 0 } })
  const c = newStakeholder({ id: 'p3', name: 'Omar', position: { x: 400, y: 0 } })
  return {
    ...deal,
    stakeholders: [a, b, c],
    links: [{ id: 'l1', from: 'p1', to: 'p3', kind: 'influences' }],
    team: [{ sellerId: 's1', seat: 'account', lead: true }],
  }
}

const ids = fc.constantFrom('p1', 'p2', 'p3', 'l1', 's1', 's2', 'nope', '', '__proto__', 'constructor', 'a b', 'x'.repeat(80))
const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '   ', '\u0000\u0007', '\u202Eevil', '\uD800', '<a>&]]>', 'x'.repeat(300), '🙂'.repeat(40), 'ＳＡＰ', 'sap'),
)
const hostile = fc.oneof(
  hostileString,
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -0, 1e13, 1e13 + 1, -1, 2.5, 6, 0, 3, null, undefined, true, false),
  fc.constantFrom({}, [], { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}'), { x: NaN, y: 0 }, { x: 1, y: 2 }),
  fc.anything({ maxDepth: 2 }),
)
const field = fc.constantFrom(
  'name', 'title', 'department', 'buyingRole', 'influence', 'innerCircle', 'stance', 'favoredCompetitor', 'mode', 'notes', 'placeholder',
  '__proto__', 'id', 'position', 'relationships', 'ownerIds', 'contacts', 'constructor', 'toString',
)
const goodValue = fc.constantFrom('approver', 'high', 'champion', 'growth', 'Dana', '', true, null, 'CFO')

const personArb = fc.record({
  id: ids, name: hostileString, title: hostile, department: hostile, buyingRole: fc.constantFrom('approver', 'boss', 7),
  influence: fc.constantFrom('high', 'huge'), innerCircle: hostile, stance: fc.constantFrom('neutral', 'angry'),
  ownerIds: fc.constantFrom([], ['s1'], 'x', null), relationships: fc.constantFrom([], [{}], null), contacts: fc.constantFrom([], [{ note: 5 }], null),
  notes: hostile, position: fc.constantFrom({ x: 1, y: 1 }, { x: NaN, y: 0 }, { x: 1e308, y: 0 }, null, 'here'),
  placeholder: fc.constantFrom(true, false, undefined, 'yes'),
}, { requiredKeys: [] })

const command: fc.Arbitrary<unknown> = fc.oneof(
  // Placeholder seats: a name and the flag, in any order (a nameless seat must keep its flag).
  fc.record({ type: fc.constant('set-field'), stakeholderId: fc.constantFrom('p1', 'p2'), field: fc.constantFrom('name', 'placeholder'), value: fc.constantFrom('', '   ', null, true, false, 'Dana') }),
  fc.record({ type: fc.constant('set-field'), stakeholderId: ids, field, value: fc.oneof(goodValue, hostile) }),
  fc.record({ type: fc.constant('set-element'), stakeholderId: ids, sellerId: ids, element: fc.constantFrom('value', 'depth', 'frequency', '__proto__', 'x'), score: hostile }),
  fc.record({ type: fc.constant('log-contact'), stakeholderId: ids, contact: fc.oneof(hostile, fc.record({ date: fc.constantFrom('2026-02-30', '2026-03-01', 5), channel: fc.constantFrom('email', 'dinner', 'fax'), sellerId: ids, note: hostile }, { requiredKeys: [] })) }),
  fc.record({ type: fc.constant('seat-seller'), sellerId: ids, seat: fc.constantFrom('account', 'solution', 'boss', '__proto__', 5) }),
  fc.record({ type: fc.constant('unseat-seller'), sellerId: ids, seat: fc.constantFrom('account', 'solution', 5) }),
  fc.record({ type: fc.constant('set-lead'), sellerId: ids, seat: fc.constantFrom('account', 'solution'), lead: hostile }),
  fc.record({ type: fc.constantFrom('add-owner', 'remove-owner', 'add-relationship', 'remove-relationship'), stakeholderId: ids, sellerId: hostile }),
  fc.record({ type: fc.constant('set-deal-facts'), patch: fc.oneof(hostile, fc.record({ name: hostile, customer: hostile, stage: fc.constantFrom('won', 'dead', 3), amount: fc.oneof(hostile, fc.record({ value: hostile, currency: fc.constantFrom('USD', 'usd', 'XXX', 'US', 5) })), closeDate: fc.constantFrom('2026-02-30', '2026-03-01', null, 7, ''), competitors: fc.oneof(hostile, fc.array(hostileString, { maxLength: 60 })), notes: hostile, stakeholders: fc.constant([]), id: ids }, { requiredKeys: [] })) }),
  fc.record({ type: fc.constant('set-link-label'), id: ids, label: hostile }),
  fc.record({ type: fc.constant('add-link'), link: fc.oneof(hostile, fc.record({ id: ids, from: ids, to: ids, kind: fc.constantFrom('ally', 'reports-to', 'loves'), label: hostile }, { requiredKeys: [] })) }),
  fc.record({ type: fc.constant('update-link'), id: ids, kind: fc.constantFrom('ally', 'conflict', 'loves', 5), reverse: hostile }),
  fc.record({ type: fc.constantFrom('remove-links', 'remove-stakeholders'), ids: fc.oneof(hostile, fc.array(ids)) }),
  fc.record({ type: fc.constant('move-stakeholders'), moves: fc.oneof(hostile, fc.array(fc.record({ id: ids, position: hostile }), { maxLength: 3 })) }),
  fc.record({ type: fc.constant('add-stakeholders'), stakeholders: fc.oneof(hostile, fc.array(personArb, { maxLength: 3 })), links: fc.oneof(hostile, fc.constant(undefined)) }),
  fc.record({ type: fc.constant('replace-deal'), deal: fc.oneof(hostile, fc.constant({ id: 'deal-1' }), fc.constant({ ...startDeal(), name: '' }), fc.constant({ ...startDeal(), notes: 5 })) }),
  fc.record({ type: fc.constantFrom('raise-depth'), stakeholderId: ids, sellerId: ids, depth: hostile }),
  fc.record({ type: fc.constant('set-relationship-field'), stakeholderId: ids, sellerId: ids, field: fc.constantFrom('valueKind', 'knownSince', '__proto__', 'elements'), value: hostile }),
  fc.record({ type: fc.constant('add-action'), stakeholderId: ids, action: hostile }),
  fc.record({ type: fc.constant('set-action-field'), stakeholderId: ids, actionId: ids, field: fc.constantFrom('what', 'done', 'id', '__proto__'), value: hostile }),
  hostile,
)

/** What a command did: a deal the schema accepts, or a typed refusal. */
function attempt(deal: Deal, cmd: unknown): Deal {
  try {
    return applyCommand(deal, cmd as DealCommand)
  } catch (error) {
    if (error instanceof CommandError) return deal
    throw new Error(`${JSON.stringify(cmd)} threw ${String(error)}`, { cause: error })
  }
}

describe('commands from a hostile peer', () => {
  it('any sequence of hostile commands ends in a deal the schema accepts or a typed CommandError, never a TypeError', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (cmds) => {
        let deal = startDeal()
        for (const cmd of cmds) {
          const before = deal
          deal = attempt(deal, cmd)
          if (deal !== before) {
            const checked = DealSchema.safeParse(deal)
            if (!checked.success) throw new Error(`${JSON.stringify(cmd)} made an invalid deal: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`)
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    )
  })
})

/** The deal after `cmds`, or the code of the CommandError that refused one. */
function outcome(cmds: unknown[]): { deal: Deal; valid: boolean } | { refused: string } {
  let deal = startDeal()
  try {
    for (const cmd of cmds) deal = applyCommand(deal, cmd as DealCommand)
  } catch (error) {
    if (error instanceof CommandError) return { refused: error.code }
    throw error
  }
  return { deal, valid: DealSchema.safeParse(deal).success }
}

describe('hostile commands, one by one', () => {
  it.each([
    ['a log-contact with no fields', [{ type: 'log-contact', stakeholderId: 'p1', contact: {} }]],
    ['a set-field of "__proto__" on an action', [{ type: 'set-action-field', stakeholderId: 'p1', actionId: 'a', field: '__proto__', value: null }]],
    ['a name that is no text', [{ type: 'set-field', stakeholderId: 'p1', field: 'name', value: NaN }]],
    // Found by the property (seed 40290363): `undefined` dropped a nameless seat's flag and left a person with no name.
    ['a placeholder flag set to undefined on a nameless seat', [{ type: 'set-field', stakeholderId: 'p2', field: 'placeholder', value: undefined }]],
    ['a title set to undefined', [{ type: 'set-field', stakeholderId: 'p1', field: 'title', value: undefined }]],
    ['a move to NaN', [{ type: 'move-stakeholders', moves: [{ id: 'p1', position: { x: NaN, y: 0 } }] }]],
    ['a move to 1e308', [{ type: 'move-stakeholders', moves: [{ id: 'p1', position: { x: 1e308, y: 0 } }] }]],
    ['moves that are not a list', [{ type: 'move-stakeholders', moves: 'here' }]],
    ['a line of an unknown kind', [{ type: 'add-link', link: { id: 'l2', from: 'p1', to: 'p2', kind: 'loves' } }]],
    ['a kind change to an unknown kind', [{ type: 'update-link', id: 'l1', kind: 'loves' }]],
    ['a person with a bad position and no lists', [{ type: 'add-stakeholders', stakeholders: [{ id: 'p9', name: 'Eve', position: null }] }]],
    ['a replacement deal with a number for notes', [{ type: 'replace-deal', deal: { ...startDeal(), notes: 5 } }]],
    ['deal notes that are a number', [{ type: 'set-deal-facts', patch: { notes: 5 } }]],
    ['competitors that are a string', [{ type: 'set-deal-facts', patch: { competitors: 'SAP' } }]],
    ['an amount that is null', [{ type: 'set-deal-facts', patch: { amount: null } }]],
    ['a name that is a number', [{ type: 'set-deal-facts', patch: { name: 5 } }]],
    ['an unknown command type "toString"', [{ type: 'toString' }]],
    ['an unknown command type "__proto__"', [{ type: '__proto__' }]],
    ['a command that is null', [null]],
    ['a lead that is "yes"', [{ type: 'set-lead', sellerId: 's1', seat: 'account', lead: 'yes' }]],
    ['a placeholder seat stripped of its flag while it has no name', [{ type: 'set-field', stakeholderId: 'p2', field: 'placeholder', value: null }]],
    ['a named person\'s name cleared after becoming a placeholder, then the flag cleared', [
      { type: 'set-field', stakeholderId: 'p1', field: 'placeholder', value: true },
      { type: 'set-field', stakeholderId: 'p1', field: 'name', value: '' },
      { type: 'set-field', stakeholderId: 'p1', field: 'placeholder', value: null },
    ]],
    ['a placeholder named only with spaces', [{ type: 'set-field', stakeholderId: 'p2', field: 'name', value: '   ' }, { type: 'set-field', stakeholderId: 'p2', field: 'placeholder', value: null }]],
  ])('%s is refused with a typed error or leaves a valid deal', (_what, cmds) => {
    const result = outcome(cmds)
    if ('refused' in result) expect(typeof result.refused).toBe('string')
    else expect(result.valid).toBe(true)
  })

  it('a label of 40 emoji is kept whole and the deal still saves (the limit counts what the file counts)', () => {
    const result = outcome([{ type: 'set-link-label', id: 'l1', label: '🙂'.repeat(40) }])
    expect(result).toMatchObject({ valid: true })
    if (!('deal' in result)) return
    const label = result.deal.links[0].label ?? ''
    expect(label.length).toBeLessThanOrEqual(40)
    expect(label).toMatch(/^(🙂)+$/)
  })

  it('a label never splits a flag or a family emoji in half', () => {
    const family = '👨‍👩‍👧‍👦'
    const result = outcome([{ type: 'set-link-label', id: 'l1', label: `${'x'.repeat(30)}${family}${family}` }])
    if (!('deal' in result)) throw new Error('refused')
    const label = result.deal.links[0].label ?? ''
    expect(label.length).toBeLessThanOrEqual(40)
    expect(label.endsWith(family) || label === 'x'.repeat(30)).toBe(true)
    expect(result.valid).toBe(true)
  })

  it('a label on a new line is cut and cleaned as set-link-label does, in add-stakeholders too', () => {
    const person = newStakeholder({ id: 'p9', name: 'Eve', position: { x: 0, y: 300 } })
    const result = outcome([{ type: 'add-stakeholders', stakeholders: [person], links: [{ id: 'l9', from: 'p9', to: 'p1', kind: 'ally', label: `  golf\u0007 partner${' and more'.repeat(10)}` }] }])
    if (!('deal' in result)) throw new Error(`refused: ${result.refused}`)
    expect(result.valid).toBe(true)
    expect(result.deal.links.find((l) => l.id === 'l9')?.label).toMatch(/^golf partner/)
  })

  it('replaying a command keeps the deal valid: a second add of the same person is refused as a duplicate', () => {
    const person = newStakeholder({ id: 'p9', name: 'Eve', position: { x: 0, y: 300 } })
    const add = { type: 'add-stakeholders', stakeholders: [person] }
    expect(outcome([add, add])).toEqual({ refused: 'duplicate-id' })
  })

  it('no command, however hostile, pollutes Object.prototype', () => {
    const polluted = JSON.parse('{"type":"set-deal-facts","patch":{"__proto__":{"polluted":true}}}')
    const result = outcome([polluted])
    expect(result).toEqual({ refused: 'invalid-deal-facts' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('sellers a command brings in', () => {
  const roster = new Set(['s1'])
  const known = (cmd: unknown) => {
    try {
      applyCommand(startDeal(), cmd as DealCommand, { sellers: roster })
      return 'applied'
    } catch (error) {
      if (error instanceof CommandError) return error.code
      throw error
    }
  }
  const contact = { date: '2026-03-01', channel: 'email', sellerId: 'ghost', note: '' }

  it.each([
    ['a seat', { type: 'seat-seller', sellerId: 'ghost', seat: 'solution' }],
    ['an owner', { type: 'add-owner', stakeholderId: 'p1', sellerId: 'ghost' }],
    ['a relationship', { type: 'add-relationship', stakeholderId: 'p1', sellerId: 'ghost' }],
    ['a scored element', { type: 'set-element', stakeholderId: 'p1', sellerId: 'ghost', element: 'value', score: 3 }],
    ['a contact', { type: 'log-contact', stakeholderId: 'p1', contact }],
    ['an action owner', { type: 'add-action', stakeholderId: 'p1', action: { id: 'a1', what: 'Call', ownerId: 'ghost', done: false } }],
    ['a new person owned by them', { type: 'add-stakeholders', stakeholders: [newStakeholder({ id: 'p9', name: 'Eve', ownerIds: ['ghost'], position: { x: 0, y: 0 } })] }],
  ])('%s for a seller the roster does not hold is refused (the deal file could not name them, so it would never save again)', (_what, cmd) => {
    expect(known(cmd)).toBe('unknown-seller')
  })

  it('the same commands for a seller on the roster apply, and a dangling seller can still be removed', () => {
    expect(known({ type: 'add-owner', stakeholderId: 'p1', sellerId: 's1' })).toBe('applied')
    expect(known({ type: 'log-contact', stakeholderId: 'p1', contact: { ...contact, sellerId: 's1' } })).toBe('applied')
    const deal = { ...startDeal(), team: [{ sellerId: 'ghost', seat: 'account' as const, lead: true }] }
    expect(applyCommand(deal, { type: 'unseat-seller', sellerId: 'ghost', seat: 'account' }, { sellers: roster }).team).toEqual([])
  })
})

describe('direction controls in one-line text', () => {
  it('a right-to-left override in a name, a deal name or a line label is dropped, as the CSV import drops it', () => {
    let deal = applyCommand(startDeal(), { type: 'set-field', stakeholderId: 'p1', field: 'name', value: 'Eve\u202E Stone\u2066' })
    deal = applyCommand(deal, { type: 'set-deal-facts', patch: { name: 'ERP \u202Efdp.exe' } })
    deal = applyCommand(deal, { type: 'set-link-label', id: 'l1', label: '\u2067golf\u2069 partner\u200F' })
    expect(deal.stakeholders[0].name).toBe('Eve Stone')
    expect(deal.name).toBe('ERP fdp.exe')
    expect(deal.links[0].label).toBe('golf partner')
  })

  it('right-to-left text itself is kept', () => {
    const deal = applyCommand(startDeal(), { type: 'set-field', stakeholderId: 'p1', field: 'name', value: 'שרה כהן' })
    expect(deal.stakeholders[0].name).toBe('שרה כהן')
  })
})
