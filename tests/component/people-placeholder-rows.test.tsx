import { describe, expect, it } from 'vitest'
import { commandsForEdit } from '../../renderer/people/people-commands'
import { aDeal } from '../fixtures/builders'

/** A placeholder seat is a row with no name in the people table: walking through it is no edit. */
describe('placeholder seats in the people table', () => {
  const deal = () => {
    const d = aDeal('d').withStakeholder('coo', { title: 'COO', buyingRole: 'approver' }).withStakeholder('ann', { name: 'Ann Lee' }).build()
    d.stakeholders[0] = { ...d.stakeholders[0], name: '', placeholder: true }
    return d
  }

  it('Enter on an unnamed seat\'s empty name cell changes nothing and is not refused', () => {
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: '' })).toEqual([])
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: '   ' })).toEqual([])
  })

  it('a named person\'s name still cannot be emptied, and naming the seat is one set-field', () => {
    expect(commandsForEdit(deal(), 'ann', { field: 'name', value: ' ' })).toEqual({ code: 'empty-name' })
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: ' Omar Reyes ' })).toEqual([{ type: 'set-field', stakeholderId: 'coo', field: 'name', value: 'Omar Reyes' }])
  })
})
