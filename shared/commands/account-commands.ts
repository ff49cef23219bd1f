import { StakeholderSchema, type Stakeholder } from '../model'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

/**
 * Cards take their person's latest person-scoped attributes from the account (docs/method.md,
 * "Accounts"): name, email, title, department, relationships, contacts, and the personId that
 * ties the card to the person. Deal-scoped fields are not touched. One undo step for every card,
 * so "3 people updated from the account" is undone at once. Each card is checked against the
 * file's schema, so an account file edited by hand cannot put an invalid card in the deal.
 */
export const applyAccountAttributes: CommandDefinition<CommandOf<'apply-account-attributes'>> = {
  undo: { capture: 'step' },
  apply(deal, cmd) {
    if (cmd.updates.length === 0) return deal
    const index = new Map(deal.stakeholders.map((s, i) => [s.id, i]))
    const stakeholders = deal.stakeholders.slice()
    let changed = false
    for (const u of cmd.updates) {
      const i = index.get(u.stakeholderId)
      if (i === undefined) throw new CommandError('unknown-stakeholder', 'This person is no longer on the map')
      const { email: _email, ...before } = stakeholders[i]
      const next: Stakeholder = {
        ...before, personId: u.personId, name: u.name, title: u.title, department: u.department,
        relationships: u.relationships, contacts: u.contacts, ...(u.email === null ? {} : { email: u.email }),
      }
      const checked = StakeholderSchema.safeParse(next)
      if (!checked.success) throw new CommandError('invalid-value', `${checked.error.issues[0]?.path.join('.') ?? 'person'}: ${checked.error.issues[0]?.message ?? 'not valid'}`)
      if (JSON.stringify(checked.data) === JSON.stringify(stakeholders[i])) continue
      stakeholders[i] = checked.data
      changed = true
    }
    return changed ? { ...deal, stakeholders } : deal
  },
}
