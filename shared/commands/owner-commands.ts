import { Id, LIMITS } from '../model'
import { checkRoom, checkValue } from './checks'
import { editStakeholder } from './edit-stakeholder'
import type { CommandDefinition, CommandOf } from './types'

/** Make a seller one of a stakeholder's owners; already an owner changes nothing. */
export const addOwner: CommandDefinition<CommandOf<'add-owner'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    checkValue(Id, cmd.sellerId, 'seller')
    return editStakeholder(deal, cmd.stakeholderId, (s) => {
      if (s.ownerIds.includes(cmd.sellerId)) return s
      checkRoom(s.ownerIds.length, LIMITS.team, 'The owner list')
      return { ...s, ownerIds: [...s.ownerIds, cmd.sellerId] }
    })
  },
}

/** The seller no longer owns this person; their assessment and contacts stay (history is kept). */
export const removeOwner: CommandDefinition<CommandOf<'remove-owner'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    return editStakeholder(deal, cmd.stakeholderId, (s) => (s.ownerIds.includes(cmd.sellerId) ? { ...s, ownerIds: s.ownerIds.filter((o) => o !== cmd.sellerId) } : s))
  },
}
