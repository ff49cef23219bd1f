import { cleanText, ContactSchema, LIMITS, type Contact } from '../model'
import { checkRoom, checkValue } from './checks'
import { editStakeholder } from './edit-stakeholder'
import { CommandError, type CommandDefinition, type CommandOf } from './types'

const newestFirst = (a: Contact, b: Contact) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)
const sameContact = (a: Contact, b: Contact) => a.date === b.date && a.channel === b.channel && a.sellerId === b.sellerId && a.note === b.note

function cleanNote<C extends { contact: Contact }>(cmd: C): C {
  const note = cleanText(cmd.contact.note, 'multi')
  return note === cmd.contact.note ? cmd : { ...cmd, contact: { ...cmd.contact, note } }
}

/** Add a contact to a person's log, kept newest first so the log reads from the latest. */
export const logContact: CommandDefinition<CommandOf<'log-contact'>> = {
  undo: { capture: 'step' },
  clean: cleanNote,
  apply(deal, cmd) {
    checkValue(ContactSchema, cmd.contact, 'contact')
    return editStakeholder(deal, cmd.stakeholderId, (s) => {
      checkRoom(s.contacts.length, LIMITS.contactsPerStakeholder, 'The contact log')
      return { ...s, contacts: [...s.contacts, { ...cmd.contact }].sort(newestFirst) }
    })
  },
}

/** Matched as stored (not cleaned): the contact to remove is one read from the deal. */
export const removeContact: CommandDefinition<CommandOf<'remove-contact'>> = {
  undo: { capture: 'step' },
  apply: (deal, cmd) =>
    editStakeholder(deal, cmd.stakeholderId, (s) => {
      const index = s.contacts.findIndex((c) => sameContact(c, cmd.contact))
      if (index < 0) throw new CommandError('unknown-contact', 'This contact is no longer in the log')
      return { ...s, contacts: s.contacts.filter((_, i) => i !== index) }
    }),
}
