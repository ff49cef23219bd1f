import { cleanText, LIMITS, NextActionSchema, type NextAction } from '../model'
import { checkRoom, checkValue } from './checks'
import { editStakeholder } from './edit-stakeholder'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/** Fields of an action that may be left out (no owner yet, no due date). */
const OPTIONAL: ReadonlySet<string> = new Set(['ownerId', 'due'])

export const addAction: CommandDefinition<CommandOf<'add-action'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const what = cleanText(cmd.action.what)
    return what === cmd.action.what ? cmd : { ...cmd, action: { ...cmd.action, what } }
  },
  apply(deal, cmd) {
    checkValue(NextActionSchema, cmd.action, 'action')
    return editStakeholder(deal, cmd.stakeholderId, (s) => {
      const actions = s.actions ?? []
      if (actions.some((a) => a.id === cmd.action.id)) throw new CommandError('duplicate-id', `An action with id "${cmd.action.id}" already exists`)
      checkRoom(actions.length, LIMITS.actionsPerStakeholder, 'The action list')
      return { ...s, actions: [...actions, { ...cmd.action }] }
    })
  },
}

/** One field of one next action: done, who, due, what. */
export const setActionField: CommandDefinition<CommandOf<'set-action-field'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    if (cmd.field !== 'what') return cmd
    const value = cleanText(cmd.value)
    return value === cmd.value ? cmd : { ...cmd, value }
  },
  apply(deal, cmd) {
    if (!Object.hasOwn(NextActionSchema.shape, cmd.field) || cmd.field === ('id' as string)) throw new CommandError('invalid-value', `"${String(cmd.field)}" is not an action field`)
    if (cmd.value === null) {
      if (!OPTIONAL.has(cmd.field)) throw new CommandError('invalid-value', `${cmd.field} cannot be empty`)
    } else {
      checkValue(NextActionSchema.shape[cmd.field], cmd.value, cmd.field)
    }
    return editStakeholder(deal, cmd.stakeholderId, (s) => {
      const actions = s.actions ?? []
      const index = actions.findIndex((a) => a.id === cmd.actionId)
      if (index < 0) throw new CommandError('unknown-action', 'This action is no longer planned')
      const before = actions[index]
      let after: NextAction
      if (cmd.value === null) {
        if (before[cmd.field] === undefined) return s
        after = { ...before }
        delete after[cmd.field]
      } else {
        if (before[cmd.field] === cmd.value) return s
        after = { ...before, [cmd.field]: cmd.value }
      }
      const next = actions.slice()
      next[index] = after
      return { ...s, actions: next }
    })
  },
}

export const removeAction: CommandDefinition<CommandOf<'remove-action'>> = {
  undo: { capture: 'step' },
  apply: (deal, cmd) =>
    editStakeholder(deal, cmd.stakeholderId, (s) => {
      const actions = s.actions ?? []
      if (!actions.some((a) => a.id === cmd.actionId)) throw new CommandError('unknown-action', 'This action is no longer planned')
      return { ...s, actions: actions.filter((a) => a.id !== cmd.actionId) }
    }),
}
