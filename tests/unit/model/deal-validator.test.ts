import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DealFileSchema, DealSchema, DealValidator, StakeholderSchema, changesBetween, issuesOf, referencedSellerIds, sameData, type DealFile } from '@shared/model'
import { generateDeal } from '../../fixtures/generate-large-deal'

const fileText = (file: unknown) => JSON.stringify(file, null, 2) + '\n'
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** A copy as it arrives over IPC (structured clone): same data, new objects. */
const wire = <T>(value: T): T => structuredClone(value)

function withPerson(file: DealFile, index: number, change: (p: DealFile['deal']['stakeholders'][number]) => object): DealFile {
  const stakeholders = file.deal.stakeholders.map((p, i) => (i === index ? (change(p) as typeof p) : p))
  return { ...file, deal: { ...file.deal, stakeholders } }
}

afterEach(() => vi.restoreAllMocks())

describe('incremental deal validation', () => {
  const base = generateDeal({ stakeholders: 40, seed: 4, today: '2026-03-01' })

  it('re-validates only the stakeholders that changed, and of a changed one only the fields that changed', () => {
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
    const whole = vi.spyOn(StakeholderSchema, 'safeParse')
    const position = vi.spyOn(StakeholderSchema.shape.position, 'safeParse')
    const relationships = vi.spyOn(StakeholderSchema.shape.relationships, 'safeParse')

    const unchanged = validator.checkDealFile(wire(base))
    expect(unchanged.ok).toBe(true)
    expect(whole).not.toHaveBeenCalled()
    expect(position).not.toHaveBeenCalled()

    const moved = validator.checkDealFile(wire(withPerson(base, 7, (p) => ({ ...p, position: { x: 1, y: 2 } }))))
    expect(moved.ok).toBe(true)
    expect(whole).not.toHaveBeenCalled()
    expect(position).toHaveBeenCalledTimes(1)
    expect(relationships).not.toHaveBeenCalled()
    if (moved.ok) expect(moved.value.deal.stakeholders[7].position).toEqual({ x: 1, y: 2 })

    // A person never seen before is parsed whole.
    const added = validator.checkDealFile(wire({ ...base, deal: { ...base.deal, stakeholders: [...base.deal.stakeholders, { ...base.deal.stakeholders[0], id: 'new-one' }] } }))
    expect(added.ok).toBe(true)
    expect(whole).toHaveBeenCalledTimes(1)
  })

  it('checks a changed person field by field exactly as the schema checks it whole: the same verdict, the same value, the same key order', () => {
    const small = generateDeal({ stakeholders: 8, seed: 12, today: '2026-03-01' })
    const people = small.deal.stakeholders
    const anyValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }))
    // Valid new values for some fields, and anything at all for any key (a known one or not).
    const validChange = fc.oneof(
      fc.record({ position: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }) }),
      fc.record({ title: fc.string({ maxLength: 40 }) }),
      fc.record({ name: fc.constantFrom('', 'Dr. Helen Marsh', '王伟') }),
      fc.record({ placeholder: fc.constant(true) }),
      fc.record({ stance: fc.constantFrom('champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'enemy') }),
      fc.record({ ownerIds: fc.array(fc.constantFrom(...small.roster.map((s) => s.id)), { maxLength: 2 }) }),
    )
    const anyChange = fc.dictionary(fc.constantFrom(...Object.keys(StakeholderSchema.shape), 'extra', '__proto__'), anyValue, { maxKeys: 3 })
    const dropped = fc.subarray(Object.keys(StakeholderSchema.shape), { maxLength: 2 })
    fc.assert(fc.property(fc.nat(people.length - 1), fc.oneof(validChange, anyChange), dropped, (i, change, drop) => {
      const validator = new DealValidator()
      const first = validator.checkDealFile(wire(small))
      if (!first.ok) throw new Error('the generated deal is valid')
      const edited: Record<string, unknown> = { ...first.value.deal.stakeholders[i], ...change }
      for (const key of drop) if (key !== 'id') delete edited[key]
      const full = StakeholderSchema.safeParse(edited)
      const file = withPerson(first.value, i, () => edited)
      const result = validator.checkDealFile(wire(file))
      // The oracle: the whole file's schema (a seller id not in the roster, say, fails there too).
      expect(result.ok).toBe(DealFileSchema.safeParse(wire(file)).success)
      if (result.ok && full.success) expect(JSON.stringify(result.value.deal.stakeholders[i])).toBe(JSON.stringify(full.data))
    }), { numRuns: 400 })
  })

  it('refuses a changed stakeholder that is invalid, with the schema’s own issues', () => {
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
    const bad = wire(withPerson(base, 3, (p) => ({ ...p, relationships: [{ ...p.relationships[0], elements: { ...p.relationships[0]?.elements, value: 9 } }] })))
    const result = validator.checkDealFile(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(issuesOf(result.error)).toEqual(issuesOf(DealFileSchema.safeParse(bad).error!))
    expect(issuesOf(result.error)[0].path).toMatch(/^\$\.deal\.stakeholders\[3\]\.relationships\[0\]/)
  })

  it('refuses a dangling line added without touching any stakeholder', () => {
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
    const spy = vi.spyOn(StakeholderSchema, 'safeParse')
    const links = [...base.deal.links, { id: 'dangling-line', from: base.deal.stakeholders[0].id, to: 'nobody-here', kind: 'ally' as const }]
    const result = validator.checkDealFile(wire({ ...base, deal: { ...base.deal, links } }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(issuesOf(result.error)).toContainEqual({ path: expect.stringMatching(/^\$\.deal\.links\[\d+\]\.to$/), message: 'Line points at unknown stakeholder "nobody-here"' })
    // The rejection reports through the full schema; the fast path parsed nobody again.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(base.deal.stakeholders.length)
  })

  it('refuses a seller reference the roster does not hold, and a duplicated stakeholder, when nobody changed', () => {
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
    const seated = base.deal.team[0].sellerId
    expect(validator.checkDealFile(wire({ ...base, roster: base.roster.filter((s) => s.id !== seated) })).ok).toBe(false)
    const twice = { ...base, deal: { ...base.deal, stakeholders: [...base.deal.stakeholders, base.deal.stakeholders[0]] } }
    expect(validator.checkDealFile(wire(twice)).ok).toBe(false)
  })

  it('still checks seats, seller mentions and line ends when the people and lines are the ones it accepted last', () => {
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
    const accepted = validator.checkDealFile(wire(base))
    expect(accepted.ok).toBe(true)
    if (!accepted.ok) return
    const same = accepted.value
    // The same validated people and lines, a seller seated twice in the same seat.
    const seatTwice = { ...same, deal: { ...same.deal, team: [...same.deal.team, same.deal.team[0]] } }
    expect(validator.checkDealFile(seatTwice).ok).toBe(false)
    // One person now names an owner the roster (unchanged) does not hold.
    const stranger = withPerson(same, 5, (p) => ({ ...p, ownerIds: [...p.ownerIds, 'seller-nobody'] }))
    expect(validator.checkDealFile(stranger).ok).toBe(false)
    // A person renamed to an id a line still points at elsewhere: the line dangles, or the id repeats.
    const lineEnd = same.deal.links[0].from
    const renamed = withPerson(same, same.deal.stakeholders.findIndex((p) => p.id === lineEnd), (p) => ({ ...p, id: 'someone-new' }))
    expect(validator.checkDealFile(renamed).ok).toBe(false)
    const repeated = withPerson(same, 1, (p) => ({ ...p, id: same.deal.stakeholders[2].id }))
    expect(validator.checkDealFile(repeated).ok).toBe(false)
    // And the unchanged file is still accepted after those refusals.
    expect(validator.checkDealFile(wire(base)).ok).toBe(true)
  })

  it('compares data key by key: an extra, a missing or a differently valued key is a difference', () => {
    const known = Object.freeze({ a: 1, b: Object.freeze(['x', Object.freeze({ c: true })]) })
    expect(sameData({ b: ['x', { c: true }], a: 1 }, known)).toBe(true)
    expect(sameData({ a: 1, b: ['x', { c: true }], d: 0 }, known)).toBe(false)
    expect(sameData({ a: 1, b: ['x', { c: true }], d: undefined }, known)).toBe(false)
    expect(sameData({ a: 1 }, known)).toBe(false)
    expect(sameData({ a: 1, b: ['x', { c: false }] }, known)).toBe(false)
    expect(sameData({ a: 1, b: ['x', { c: true }, 'y'] }, known)).toBe(false)
    expect(sameData({ a: '1', b: ['x', { c: true }] }, known)).toBe(false)
  })

  it('hands on validated, frozen objects, never the caller’s; look-alikes that are not plain data are parsed', () => {
    const validator = new DealValidator()
    const first = validator.checkDeal(wire(base.deal))
    expect(first.ok).toBe(true)
    if (!first.ok) return
    const input = wire(base.deal)
    const again = validator.checkDeal(input)
    expect(again.ok && again.value.stakeholders[0]).toBe(first.value.stakeholders[0])
    expect(again.ok && again.value.stakeholders[0]).not.toBe(input.stakeholders[0])
    expect(Object.isFrozen(first.value.stakeholders[0].position)).toBe(true)
    // A boxed string where a name goes serializes like the name but is not one.
    const boxed = wire(base.deal)
    ;(boxed.stakeholders[0] as { name: unknown }).name = new String(base.deal.stakeholders[0].name)
    expect(validator.checkDeal(boxed).ok).toBe(false)
    // A key holding undefined vanishes from JSON but is still an unknown key.
    const extra = wire(base.deal)
    ;(extra.stakeholders[1] as Record<string, unknown>).extra = undefined
    expect(validator.checkDeal(extra).ok).toBe(DealSchema.safeParse(extra).success)
  })

  it('agrees with DealFileSchema on mutated files once its cache is warm', () => {
    const small = generateDeal({ stakeholders: 6, seed: 9, today: '2026-03-01' })
    const validator = new DealValidator()
    expect(validator.checkDealFile(wire(small)).ok).toBe(true)
    const mutate = (value: unknown, path: number[], replacement: unknown): unknown => {
      if (path.length === 0 || value === null || typeof value !== 'object') return replacement
      const keys = Object.keys(value)
      if (keys.length === 0) return replacement
      const key = keys[path[0] % keys.length]
      const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as Record<string, unknown>) }
      copy[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement)
      return copy
    }
    const mutation = fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), replacement: fc.jsonValue({ maxDepth: 2 }) })
    fc.assert(fc.property(mutation, ({ path, replacement }) => {
      const candidate = wire(mutate(small, path, replacement))
      expect(validator.checkDealFile(candidate).ok).toBe(DealFileSchema.safeParse(candidate).success)
    }), { numRuns: 400 })
  })

  it('builds the file bytes from per-person pieces, identical to JSON.stringify of the file', () => {
    const validator = new DealValidator()
    const chinese = withPerson(base, 0, (p) => ({ ...p, name: '王伟', notes: '采购 "委员会"\n第二行\t😀' }))
    const { updatedAt: _dropped, ...noStamp } = base.deal
    const cases: DealFile[] = [base, chinese, { ...base, deal: { ...base.deal, stakeholders: [], links: [] } }, { ...base, deal: noStamp }]
    for (const file of cases) {
      const checked = validator.checkDealFile(wire(file))
      expect(checked.ok).toBe(true)
      if (!checked.ok) continue
      expect(decode(validator.fileBytes(checked.value))).toBe(fileText(checked.value))
      expect(decode(validator.fileBytes(checked.value))).toBe(fileText(checked.value)) // from the cached pieces
    }
  })
})

describe('a run of autosaves (changes against the last accepted version)', () => {
  type Person = DealFile['deal']['stakeholders'][number]
  type Edit = { kind: 'move' | 'own' | 'disown' | 'remove' | 'add' | 'swap' | 'rename' | 'reseat' | 'stamp'; at: number; other: number }
  const edit = fc.record({ kind: fc.constantFrom<Edit['kind']>('move', 'own', 'disown', 'remove', 'add', 'swap', 'rename', 'reseat', 'stamp'), at: fc.nat(40), other: fc.nat(40) })

  function applyEdit(deal: DealFile['deal'], roster: DealFile['roster'], e: Edit, n: number): DealFile['deal'] {
    const people = deal.stakeholders
    if (people.length === 0) return deal
    const i = e.at % people.length
    const j = e.other % people.length
    const replace = (p: Person) => ({ ...deal, stakeholders: people.map((q, k) => (k === i ? p : q)) })
    switch (e.kind) {
      case 'move': return replace({ ...people[i], position: { x: n, y: -n } })
      // A seller takes the person on (perhaps one the deal mentions nowhere else), or lets go of everyone.
      case 'own': return replace({ ...people[i], ownerIds: [roster[e.other % roster.length].id] })
      case 'disown': return replace({ ...people[i], ownerIds: [], relationships: [], contacts: [], actions: [] })
      case 'remove': return { ...deal, stakeholders: people.filter((_, k) => k !== i), links: deal.links.filter((l) => l.from !== people[i].id && l.to !== people[i].id) }
      case 'add': return { ...deal, stakeholders: [...people, { ...people[i], id: `added-${n}`, name: `Added ${n}` }] }
      case 'rename': return { ...deal, name: `Deal ${n}`, competitors: [...deal.competitors, `Rival ${n}`].slice(-3) }
      // The account seat goes to another seller (perhaps one no person mentions).
      case 'reseat': return { ...deal, team: deal.team.map((seat, k) => (k === 0 ? { ...seat, sellerId: roster[e.other % roster.length].id } : seat)) }
      case 'stamp': return { ...deal, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() }
      case 'swap': {
        const next = people.slice()
        ;[next[i], next[j]] = [next[j], next[i]]
        return { ...deal, stakeholders: next }
      }
    }
  }

  it('writes after every change the file a whole save would write: the same bytes and the roster of exactly the sellers mentioned', () => {
    const opened = generateDeal({ stakeholders: 12, seed: 9, today: '2026-03-01' })
    fc.assert(fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
      const validator = new DealValidator()
      const first = validator.checkDealFile(wire(opened))
      if (!first.ok) throw new Error('the generated deal is valid')
      let accepted = first.value.deal
      // The page's own copy (renderer/state/deal-sender.ts): each change set is made against
      // the page's version main last accepted, as the page makes it.
      let page: DealFile['deal'] = wire(accepted)
      edits.forEach((e, n) => {
        const next = applyEdit(page, opened.roster, e, n)
        const sent = changesBetween(page, validator.revisionFor(accepted)!, next)
        // Ids cross only when the order changed; else each changed person's position does.
        const reordered = next.stakeholders.length !== page.stakeholders.length || next.stakeholders.some((p, k) => p.id !== page.stakeholders[k].id)
        expect(sent.stakeholderIds === undefined).toBe(!reordered)
        page = next
        const result = validator.checkChanges(wire(sent))
        if (!result.ok) throw new Error(`edit ${n} (${e.kind}) refused: ${'stale' in result ? 'stale' : result.error.message}`)
        accepted = result.value
        const file = validator.fileOf(accepted, opened.roster)
        if (!file.ok) throw new Error(`edit ${n}: no file`)
        const mentioned = referencedSellerIds(accepted)
        expect(file.value.roster.map((s) => s.id)).toEqual(opened.roster.filter((s) => mentioned.has(s.id)).map((s) => s.id))
        expect(decode(validator.fileBytes(file.value))).toBe(fileText(file.value))
        expect(JSON.parse(decode(validator.fileBytes(file.value))).deal).toEqual(JSON.parse(JSON.stringify(page)))
      })
    }), { numRuns: 150 })
  })
})

describe("an autosave's deal fields are checked as the schema checks them", () => {
  const opened = generateDeal({ stakeholders: 6, seed: 3, today: '2026-03-01' })
  for (const [what, change] of [
    ['an unknown stage', { stage: 'won-by-magic' }],
    ['a key the schema does not know', { hacked: true }],
    ['an updatedAt that is not a date-time', { updatedAt: 'yesterday' }],
    ['a name far too long', { name: 'x'.repeat(100_000) }],
    ['a negative amount', { amount: { value: -5, currency: 'EUR' } }],
    ['a seat for a seller twice', { team: [...opened.deal.team, opened.deal.team[0]] }],
  ] as const) {
    it(`refuses ${what}, as DealSchema does, after the same fields were accepted`, () => {
      const validator = new DealValidator()
      const first = validator.checkDealFile(wire(opened))
      if (!first.ok) throw new Error('the generated deal is valid')
      const accepted = first.value.deal
      const { stakeholders, links: _links, ...fields } = wire(accepted)
      const bad = { ...fields, ...change }
      expect(DealSchema.safeParse({ ...accepted, ...change }).success).toBe(false)
      const result = validator.checkChanges(wire({ base: validator.revisionFor(accepted)!, deal: bad, stakeholderIds: stakeholders.map((p) => p.id), changed: [] }))
      expect(result.ok).toBe(false)
      // The same fields as accepted are still accepted.
      expect(validator.checkChanges(wire({ base: validator.revisionFor(accepted)!, deal: fields, stakeholderIds: stakeholders.map((p) => p.id), changed: [] })).ok).toBe(true)
    })
  }
})
