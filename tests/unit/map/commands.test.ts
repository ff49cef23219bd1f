import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError, type DealCommand } from '@shared/commands'
import { DealSchema } from '@shared/model'
import { aDeal, aStakeholder } from '../../fixtures/builders'

const org = () =>
  aDeal('d1')
    .withStakeholder('ceo', { name: 'Li Wei', department: 'Executive' })
    .withStakeholder('cio', { name: 'Ana Silva', department: 'IT' })
    .withStakeholder('arch', { name: 'Tom Berg', department: 'IT' })
    .withLink('cio', 'ceo', 'reports-to')
    .withLink('arch', 'cio', 'reports-to')
    .build()

function refused(deal: ReturnType<typeof org>, cmd: DealCommand): string {
  try {
    applyCommand(deal, cmd)
  } catch (e) {
    expect(e).toBeInstanceOf(CommandError)
    return (e as CommandError).code
  }
  throw new Error('expected the command to be refused')
}

describe('applyCommand', () => {
  it('adds people with the lines among them and the result is a valid deal', () => {
    const deal = org()
    const next = applyCommand(deal, {
      type: 'add-stakeholders',
      stakeholders: [aStakeholder('cfo', { name: 'Mia Chen' })],
      links: [{ id: 'l-new', from: 'cfo', to: 'ceo', kind: 'reports-to' }],
    })
    expect(next.stakeholders.map((s) => s.id)).toEqual(['ceo', 'cio', 'arch', 'cfo'])
    expect(next.links.at(-1)).toEqual({ id: 'l-new', from: 'cfo', to: 'ceo', kind: 'reports-to' })
    expect(DealSchema.safeParse(next).success).toBe(true)
  })

  it('never mutates the old deal and shares every untouched stakeholder', () => {
    const deal = org()
    const frozen = JSON.stringify(deal)
    const next = applyCommand(deal, { type: 'set-field', stakeholderId: 'cio', field: 'stance', value: 'champion' })
    expect(JSON.stringify(deal)).toBe(frozen)
    expect(next.stakeholders[1].stance).toBe('champion')
    expect(next.stakeholders[0]).toBe(deal.stakeholders[0])
    expect(next.stakeholders[2]).toBe(deal.stakeholders[2])
    expect(next.links).toBe(deal.links)
  })

  it('moving people replaces only the moved ones, and a no-op move returns the same deal', () => {
    const deal = org()
    const moved = applyCommand(deal, { type: 'move-stakeholders', moves: [{ id: 'arch', position: { x: 50, y: 60 } }] })
    expect(moved.stakeholders[2].position).toEqual({ x: 50, y: 60 })
    expect(moved.stakeholders[0]).toBe(deal.stakeholders[0])
    expect(applyCommand(moved, { type: 'move-stakeholders', moves: [{ id: 'arch', position: { x: 50, y: 60 } }] })).toBe(moved)
  })

  it('removing people also removes their lines', () => {
    const next = applyCommand(org(), { type: 'remove-stakeholders', ids: ['cio'] })
    expect(next.stakeholders.map((s) => s.id)).toEqual(['ceo', 'arch'])
    expect(next.links).toEqual([])
  })

  it('refuses an empty or blank name, in an edit and in a new card', () => {
    expect(refused(org(), { type: 'set-field', stakeholderId: 'cio', field: 'name', value: '   ' })).toBe('empty-name')
    expect(refused(org(), { type: 'add-stakeholders', stakeholders: [aStakeholder('x', { name: '' })] })).toBe('empty-name')
    expect(refused(org(), { type: 'set-deal-facts', patch: { name: '' } })).toBe('invalid-deal-facts') // with the field's issue, name-required
  })

  it('refuses a line from a person to themselves', () => {
    expect(refused(org(), { type: 'add-link', link: { id: 'l9', from: 'ceo', to: 'ceo', kind: 'influences' } })).toBe('self-line')
  })

  it('refuses a duplicate line, and treats ally/conflict as mutual', () => {
    const deal = applyCommand(org(), { type: 'add-link', link: { id: 'a1', from: 'cio', to: 'arch', kind: 'ally' } })
    expect(refused(deal, { type: 'add-link', link: { id: 'l9', from: 'arch', to: 'cio', kind: 'reports-to' } })).toBe('duplicate-line')
    expect(refused(deal, { type: 'add-link', link: { id: 'l9', from: 'arch', to: 'cio', kind: 'ally' } })).toBe('duplicate-line')
    // Influence has a direction: both ways is two different lines.
    const one = applyCommand(deal, { type: 'add-link', link: { id: 'i1', from: 'cio', to: 'arch', kind: 'influences' } })
    const both = applyCommand(one, { type: 'add-link', link: { id: 'i2', from: 'arch', to: 'cio', kind: 'influences' } })
    expect(both.links).toHaveLength(5)
  })

  it('changes a line kind, reverses it, and refuses a change that would duplicate a line', () => {
    const deal = org()
    const lineId = deal.links[0].id // cio reports to ceo
    const influences = applyCommand(deal, { type: 'update-link', id: lineId, kind: 'influences', reverse: true })
    expect(influences.links[0]).toMatchObject({ from: 'ceo', to: 'cio', kind: 'influences' })
    const withAlly = applyCommand(deal, { type: 'add-link', link: { id: 'a1', from: 'ceo', to: 'cio', kind: 'ally' } })
    expect(refused(withAlly, { type: 'update-link', id: lineId, kind: 'ally' })).toBe('duplicate-line')
  })

  it('refuses a line to someone not on the map and edits of someone gone', () => {
    expect(refused(org(), { type: 'add-link', link: { id: 'l9', from: 'ceo', to: 'ghost', kind: 'ally' } })).toBe('unknown-stakeholder')
    expect(refused(org(), { type: 'set-field', stakeholderId: 'ghost', field: 'title', value: 'x' })).toBe('unknown-stakeholder')
  })

  it('refuses to add an id that already exists', () => {
    expect(refused(org(), { type: 'add-stakeholders', stakeholders: [aStakeholder('ceo')] })).toBe('duplicate-id')
  })

  it('updates deal fields and replaces a whole deal only with the same id', () => {
    const deal = org()
    const next = applyCommand(deal, { type: 'set-deal-facts', patch: { stage: 'negotiate' } })
    expect(next.stage).toBe('negotiate')
    expect(next.stakeholders).toBe(deal.stakeholders)
    const other = aDeal('other').build()
    expect(refused(deal, { type: 'replace-deal', deal: other })).toBe('wrong-deal')
    expect(applyCommand(deal, { type: 'replace-deal', deal: { ...deal, name: 'Renamed' } }).name).toBe('Renamed')
  })
})
