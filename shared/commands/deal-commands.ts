import { cleanDealText } from '../model'
import { checkName } from './checks'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

export const updateDeal: CommandDefinition<CommandOf<'update-deal'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const patch = cleanDealText(cmd.patch)
    return patch === cmd.patch ? cmd : { ...cmd, patch }
  },
  apply(deal, cmd) {
    checkName(cmd.patch.name)
    return { ...deal, ...cmd.patch }
  },
}

/** A restored backup or an imported copy: one step, so the user can undo it. */
export const replaceDeal: CommandDefinition<CommandOf<'replace-deal'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const deal = cleanDealText(cmd.deal)
    return deal === cmd.deal ? cmd : { ...cmd, deal }
  },
  apply(deal, cmd) {
    if (cmd.deal.id !== deal.id) throw new CommandError('wrong-deal', 'The replacement belongs to another deal')
    return cmd.deal
  },
}
