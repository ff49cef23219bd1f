import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Deal, Seller } from '@shared/model'
import { escapeXml, xmlSafe } from '@shared/xml'
import { aDeal, aSeller } from '../../fixtures/builders'
import { deckOf } from './deck-helpers'
import { brokenXmlParts, parseXmlStrictly } from './xml-parts'

/**
 * Any text at all: graphemes, every code point (fast-check 4's 'binary' unit, the old
 * fullUnicodeString), raw UTF-16 code units, and the characters XML treats specially, mixed in.
 */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Raw UTF-16 code units: lone surrogates, U+FFFE/U+FFFF, controls.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom('&', '<', '>', '"', "'", '\u0000', '\u0007', '\u000B', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\t', '\n', 'AT&T', ']]>', '&amp;', '&#7;', 'x'), { maxLength: 12 }).map((a) => a.join('')),
)
const aName = hostile.map((s) => (s.trim() === '' ? `n${s}` : s))

interface Texts {
  dealName: string
  customer: string
  notes: string
  competitors: string[]
  people: Array<{ name: string; title: string; department: string; notes: string; favoredCompetitor: string; action: string; contactNote: string }>
  sellers: string[]
}

const texts: fc.Arbitrary<Texts> = fc.record({
  dealName: aName,
  customer: hostile,
  notes: hostile,
  competitors: fc.array(hostile, { maxLength: 3 }),
  people: fc.array(fc.record({ name: aName, title: hostile, department: hostile, notes: hostile, favoredCompetitor: hostile, action: aName, contactNote: hostile }), { minLength: 1, maxLength: 4 }),
  sellers: fc.array(aName, { minLength: 1, maxLength: 3 }),
})

/** The deal with the arbitrary texts put in after the builder's schema has run, so they reach the deck raw. */
function dealWith(t: Texts): { deal: Deal; roster: Seller[] } {
  const roster = t.sellers.map((name, i) => aSeller(`s${i}`, { name }))
  const builder = aDeal('prop')
  roster.forEach((s, i) => builder.seat(s, (['account', 'solution', 'project'] as const)[i % 3], { lead: i === 0 }))
  t.people.forEach((_, i) => {
    builder.withStakeholder(`p${i}`, { buyingRole: i === 0 ? 'decision-maker' : 'user', stance: i % 2 ? 'opponent' : 'supporter', ownerIds: [roster[i % roster.length].id] })
    builder.withRelationship(`p${i}`, roster[i % roster.length], { value: 3, depth: 2 })
    builder.withContact(`p${i}`, roster[i % roster.length], '2026-02-20')
    builder.withAction(`p${i}`, { id: `a${i}`, what: 'x', ownerId: roster[0].id, due: '2026-03-01', done: false })
    if (i > 0) builder.withLink(`p${i}`, 'p0')
  })
  const deal = builder.build()
  Object.assign(deal, { name: t.dealName, customer: t.customer, notes: t.notes, competitors: t.competitors })
  deal.stakeholders.forEach((s, i) => {
    const p = t.people[i]
    Object.assign(s, { name: p.name, title: p.title, department: p.department, notes: p.notes, favoredCompetitor: p.favoredCompetitor })
    s.actions = s.actions!.map((a) => ({ ...a, what: p.action }))
    s.contacts = s.contacts.map((c) => ({ ...c, note: p.contactNote }))
  })
  return { deal, roster }
}

describe('XML from any text', () => {
  it('keeps U+0085 and U+2028, which an XML 1.1 reader would read back as newlines (found by the property below, seed 1127079810)', () => {
    for (const s of ['a\u2028b', 'a\u0085b']) {
      const doc = parseXmlStrictly(`<r a="${escapeXml(s)}">${escapeXml(s)}</r>`, 'line-ends.xml')
      expect(doc.documentElement!.textContent).toBe(s)
      expect(doc.documentElement!.getAttribute('a')).toBe(s)
    }
  })

  it('escapeXml gives text that parses back to the text less the characters XML cannot hold', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const doc = parseXmlStrictly(`<r a="${escapeXml(s)}" b='${escapeXml(s)}'>${escapeXml(s)}</r>`, 'prop.xml')
        const r = doc.documentElement!
        // Attribute values normalise tabs and newlines to spaces (XML 1.0 §3.3.3); text does not.
        expect(r.textContent).toBe(xmlSafe(s).replace(/\r\n?/g, '\n'))
        expect(r.getAttribute('a')).toBe(xmlSafe(s).replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '))
      }),
      { numRuns: 300 },
    )
  })

  it('every XML part of decks built from arbitrary names, titles, notes and competitors parses', async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.constantFrom('en' as const, 'zh-CN' as const), async (t, language) => {
        const { deal, roster } = dealWith(t)
        expect(await brokenXmlParts(await deckOf(deal, roster, { language, changes: [t.dealName, t.customer] }))).toEqual([])
      }),
      { numRuns: 30 },
    )
  })
})
