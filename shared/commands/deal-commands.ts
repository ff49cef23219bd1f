import { cleanDealText } from '../model'
import { dealFactsIssues, DEAL_FACT_FIELDS, type DealFactsPatch } from '../deal-facts'
import { CommandError, DealFactsError, type CommandDefinition, type CommandOf } from './types'

/** The deal's own facts, checked field by field so the form can say each issue under its field. */
export const setDealFacts: CommandDefinition<CommandOf<'set-deal-facts'>> = {
  undo: { capture: 'step' },
  clean(cmd) {
    const patch = cleanDealText(cmd.patch)
    return patch === cmd.patch ? cmd : { ...cmd, patch }
  },
  apply(deal, cmd) {
    const issues = dealFactsIssues(cmd.patch)
    if (issues.length) throw new DealFactsError(issues)
    const patch: DealFactsPatch = {}
    for (const field of DEAL_FACT_FIELDS) if (cmd.patch[field] !== undefined) Object.assign(patch, { [field]: cmd.patch[field] })
    if (patch.name !== undefined) patch.name = patch.name.trim()
    if (patch.customer !== undefined) patch.customer = patch.customer.trim()
    if (patch.competitors !== undefined) patch.competitors = patch.competitors.map((c) => c.trim())
    // -0 (typed as "-0", or sent by a peer) is 0: a deal is never worth "-$0".
    if (patch.amount !== undefined) patch.amount = { value: patch.amount.value === 0 ? 0 : patch.amount.value, currency: patch.amount.currency }
    const changed = (Object.keys(patch) as Array<keyof DealFactsPatch>).some((k) => JSON.stringify(patch[k]) !== JSON.stringify(deal[k]))
    // Saving an unchanged form is no edit: no undo step, no save.
    return changed ? { ...deal, ...patch } : deal
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
