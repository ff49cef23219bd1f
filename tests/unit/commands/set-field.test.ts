import { describe, expect, it } from 'vitest'
import { applyCommand, type DealCommand } from '@shared/commands'
import { aDeal } from '../../fixtures/builders'
import { applyAndUndo, refusal, undoSteps } from './harness'

const deal = () => aDeal().withStakeholder('li', { name: 'Li Na', favoredCompetitor: 'Vendor X' }).withStakeholder('bo').build()
const set = (command: Omit<Extract<DealCommand, { type: 'set-field' }>, 'type' | 'stakeholderId'>, stakeholderId = 'li') =>
  ({ type: 'set-field', stakeholderId, ...command }) as DealCommand

describe('set-field', () => {
  it('changes one field of one person and shares everyone else', () => {
    const before = deal()
    const { after } = applyAndUndo(before, set({ field: 'stance', value: 'champion' }))
    expect(after.stakeholders[0].stance).toBe('champion')
    expect(after.stakeholders[1]).toBe(before.stakeholders[1])
  })

  it('clears an optional field with null (JSON has no undefined)', () => {
    const { after } = applyAndUndo(deal(), set({ field: 'favoredCompetitor', value: null }))
    expect('favoredCompetitor' in after.stakeholders[0]).toBe(false)
  })

  it('keeps what is typed as typed ("Jane " on its way to "Jane Smith") but cleans invisible characters', () => {
    expect(applyCommand(deal(), set({ field: 'name', value: 'Jane ' })).stakeholders[0].name).toBe('Jane ')
    expect(applyCommand(deal(), set({ field: 'title', value: 'VP\u0007 Sales' })).stakeholders[0].title).toBe('VP Sales')
  })

  it('setting the value already there changes nothing', () => {
    const d = deal()
    expect(applyCommand(d, set({ field: 'name', value: 'Li Na' }))).toBe(d)
  })

  it('refuses a blank name, a value the file would refuse, a field it does not set and someone not on the map', () => {
    expect(refusal(deal(), set({ field: 'name', value: '  ' }))).toBe('empty-name')
    expect(refusal(deal(), set({ field: 'stance', value: 'furious' as 'champion' }))).toBe('invalid-value')
    expect(refusal(deal(), set({ field: 'title', value: 'x'.repeat(201) }))).toBe('invalid-value')
    expect(refusal(deal(), set({ field: 'innerCircle', value: null as unknown as boolean }))).toBe('invalid-value')
    expect(refusal(deal(), { type: 'set-field', stakeholderId: 'li', field: 'ownerIds', value: [] } as unknown as DealCommand)).toBe('invalid-value')
    expect(refusal(deal(), set({ field: 'title', value: 'CFO' }, 'ghost'))).toBe('unknown-stakeholder')
  })

  it('typing in a text field is one undo step; each choice in a select is its own', () => {
    const typing = ['L', 'Li', 'Li ', 'Li W', 'Li Wei'].map((value) => set({ field: 'name', value }))
    expect(undoSteps(deal(), typing)).toBe(1)
    expect(undoSteps(deal(), [set({ field: 'stance', value: 'supporter' }), set({ field: 'stance', value: 'champion' })])).toBe(2)
    // Another person's field is another burst.
    expect(undoSteps(deal(), [set({ field: 'name', value: 'A' }), set({ field: 'name', value: 'B' }, 'bo')])).toBe(2)
  })
})
