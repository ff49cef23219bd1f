import { cleanText, StakeholderSchema, type Stakeholder } from '../model'
import { checkName, checkValue } from './checks'
import { editStakeholder } from './edit-stakeholder'
import { CommandError, STAKEHOLDER_FIELDS, type CommandDefinition, type CommandOf, type StakeholderField } from './types'

/** The fields a user types into: a burst of typing is one undo step, the others one step per change. */
const TEXT_FIELDS: Readonly<Partial<Record<StakeholderField, 'single' | 'multi'>>> = {
  name: 'single', email: 'single', title: 'single', department: 'single', favoredCompetitor: 'single', notes: 'multi',
}
/** Fields a person may leave empty in the file (the value `null` removes them). */
const OPTIONAL_FIELDS: ReadonlySet<StakeholderField> = new Set(['email', 'favoredCompetitor', 'mode', 'placeholder'])

/** One field of one stakeholder. */
export const setField: CommandDefinition<CommandOf<'set-field'>> = {
  undo: (cmd) => (TEXT_FIELDS[cmd.field] ? { capture: 'merge', mergeKey: `${cmd.stakeholderId}:${cmd.field}` } : { capture: 'step' }),
  clean(cmd) {
    const lines = TEXT_FIELDS[cmd.field]
    if (!lines || typeof cmd.value !== 'string') return cmd
    // An email holds no spaces: typed or pasted with them around it, it is stored trimmed; emptied, it is cleared.
    if (cmd.field === 'email') {
      const email = cleanText(cmd.value, lines).trim()
      return { ...cmd, value: email === '' ? null : email }
    }
    const value = cleanText(cmd.value, lines)
    return value === cmd.value ? cmd : ({ ...cmd, value } as typeof cmd)
  },
  apply(deal, cmd) {
    if (!(STAKEHOLDER_FIELDS as readonly string[]).includes(cmd.field)) throw new CommandError('invalid-value', `"${String(cmd.field)}" is not a field set one at a time`)
    const target = deal.stakeholders.find((x) => x.id === cmd.stakeholderId)
    // A placeholder seat has no name yet; anyone else must keep one.
    if (cmd.field === 'name' && !target?.placeholder) checkName(cmd.value)
    // `undefined` (a peer's JSON-less value, a missing key) is no value, as null is: never a field set to nothing.
    const clearing = cmd.value === null || cmd.value === undefined
    if (clearing && !OPTIONAL_FIELDS.has(cmd.field)) throw new CommandError('invalid-value', `${cmd.field} cannot be empty`)
    // An email says what is wrong with it in the user's language, not "cannot be stored here".
    if (!clearing && cmd.field === 'email' && !StakeholderSchema.shape.email.safeParse(cmd.value).success) throw new CommandError('invalid-email', 'Not an email address')
    if (!clearing) checkValue(StakeholderSchema.shape[cmd.field], cmd.value, cmd.field)
    return editStakeholder(deal, cmd.stakeholderId, (s) => {
      if (clearing) {
        if (!Object.hasOwn(s, cmd.field)) return s
        const next: Partial<Stakeholder> = { ...s }
        delete next[cmd.field]
        // A seat with no name stays a placeholder until it is given one: else the file would refuse it.
        if (cmd.field === 'placeholder' && (next.name ?? '').trim() === '') throw new CommandError('empty-name', 'A name is required')
        return next as Stakeholder
      }
      if (s[cmd.field] === cmd.value) return s
      // Naming a placeholder seat makes it a person (docs/method.md, placeholder seats).
      if (cmd.field === 'name' && s.placeholder && typeof cmd.value === 'string' && cmd.value.trim() !== '') {
        const { placeholder: _seat, ...person } = s
        return { ...person, name: cmd.value }
      }
      return { ...s, [cmd.field]: cmd.value }
    })
  },
}
