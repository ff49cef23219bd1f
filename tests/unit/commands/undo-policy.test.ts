import { describe, expect, it } from 'vitest'
import { COMMANDS, STAKEHOLDER_FIELDS, undoPolicyOf, type CommandType, type DealCommand, type StakeholderField } from '@shared/commands'

describe('every command declares its undo policy', () => {
  it('each command is its own undo step, except a move (one drag merges) and typing in a text field (one burst merges)', () => {
    const merging: CommandType[] = ['move-stakeholders', 'set-field']
    for (const type of Object.keys(COMMANDS) as CommandType[]) {
      const undo = COMMANDS[type].undo
      if (merging.includes(type)) continue
      expect(undo, type).toEqual({ capture: 'step' })
    }
    expect(COMMANDS['move-stakeholders'].undo).toEqual({ capture: 'merge' })
  })

  it('set-field merges typing per person and field, and makes every choice of a select its own step', () => {
    const policy = (field: StakeholderField) => undoPolicyOf({ type: 'set-field', stakeholderId: 'li', field, value: 'x' } as DealCommand)
    const typed: StakeholderField[] = ['name', 'email', 'title', 'department', 'favoredCompetitor', 'notes']
    for (const field of STAKEHOLDER_FIELDS) {
      expect(policy(field), field).toEqual(typed.includes(field) ? { capture: 'merge', mergeKey: `li:${field}` } : { capture: 'step' })
    }
  })
})
