import { describe, expect, it } from 'vitest'
import { applyCommand, type DealCommand } from '@shared/commands'
import { DealSchema } from '@shared/model'
import { aDeal, anAction, aRelationship } from '../../fixtures/builders'
import { applyAndUndo, refusal } from './harness'

// Two cards for one person, as two colleagues offline make them (docs/collaboration.md, "Conflict rules").
const deal = () =>
  aDeal()
    .withStakeholder('li', { name: 'Li Wei', email: 'li.wei@bank.example', title: 'CFO', ownerIds: ['amy'], notes: 'Prefers mornings.' })
    .withStakeholder('li2', { name: 'Li Wei', email: 'LI.WEI@bank.example', department: 'Finance', ownerIds: ['amy', 'bob'], personId: 'acct-li', notes: 'Golf on Fridays.' })
    .withStakeholder('ceo', { name: 'Chen' })
    .withStakeholder('cto', { name: 'Tan' })
    .withRelationship('li', 'amy', { value: 3, goodwill: 1 }, { knownSince: '2024-05-01' })
    .withRelationship('li2', 'amy', { value: 1, goodwill: 4 }, { knownSince: '2023-01-01', valueKind: 'practical-help' })
    .withRelationship('li2', 'bob', { depth: 2 })
    .withContact('li', 'amy', '2026-11-01')
    .withContact('li2', 'bob', '2026-11-20')
    .withAction('li2', anAction('Send the case', { id: 'a1' }))
    .withLink('li', 'ceo')
    .withLink('li2', 'ceo')
    .withLink('cto', 'li2', 'influences')
    .withLink('li2', 'li', 'ally')
    .build()

const merge: DealCommand = { type: 'merge-people', keepId: 'li', mergeId: 'li2' }

describe('merge-people', () => {
  it("keeps one card, moves the other's lines, owners, relationships, contacts and actions onto it, and undoes to the two cards", () => {
    const { after } = applyAndUndo(deal(), merge)
    expect(after.stakeholders.map((s) => s.id)).toEqual(['li', 'ceo', 'cto'])
    const li = after.stakeholders[0]
    expect(li.ownerIds).toEqual(['amy', 'bob'])
    expect(li.relationships).toEqual([
      aRelationship('amy', { value: 3, goodwill: 4 }, { valueKind: 'practical-help', knownSince: '2023-01-01' }),
      aRelationship('bob', { depth: 2 }),
    ])
    expect(li.contacts.map((c) => c.date)).toEqual(['2026-11-20', '2026-11-01'])
    expect(li.actions?.map((a) => a.id)).toEqual(['a1'])
    expect(li.department).toBe('Finance')
    expect(li.title).toBe('CFO')
    expect(li.personId).toBe('acct-li')
    expect(li.email).toBe('li.wei@bank.example')
    expect(li.notes).toBe('Prefers mornings.\n\nGolf on Fridays.')
    // The duplicate reports-to line goes, the influence line moves, the line between the two cards goes.
    expect(after.links.map((l) => `${l.from}>${l.to}:${l.kind}`)).toEqual(['li>ceo:reports-to', 'cto>li:influences'])
    expect(DealSchema.safeParse(after).success).toBe(true)
  })

  it('is refused for one person twice or a person no longer on the map', () => {
    expect(refusal(deal(), { type: 'merge-people', keepId: 'li', mergeId: 'li' })).toBe('invalid-value')
    expect(refusal(deal(), { type: 'merge-people', keepId: 'li', mergeId: 'gone' })).toBe('unknown-stakeholder')
  })

  it('refuses a command of the wrong shape before reading it', () => {
    expect(refusal(deal(), { type: 'merge-people', keepId: 'li' } as unknown as DealCommand)).toBe('invalid-value')
    expect(refusal(deal(), { type: 'merge-people', keepId: 'li', mergeId: 'li2', extra: 1 } as unknown as DealCommand)).toBe('invalid-value')
  })

  it('a placeholder seat merged with the person found for it takes their name', () => {
    const d = aDeal().withStakeholder('seat', { name: '', placeholder: true, title: 'COO' }).withStakeholder('p', { name: 'Ravi', email: 'r@x.example' }).build()
    const after = applyCommand(d, { type: 'merge-people', keepId: 'seat', mergeId: 'p' })
    expect(after.stakeholders).toHaveLength(1)
    expect(after.stakeholders[0]).toMatchObject({ id: 'seat', name: 'Ravi', title: 'COO', email: 'r@x.example' })
    expect(after.stakeholders[0].placeholder).toBeUndefined()
  })
})
