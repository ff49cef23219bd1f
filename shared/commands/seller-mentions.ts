import { sellerReferences } from '../model'
import type { DealCommand } from './types'

/**
 * The seller ids a command would newly mention in the deal (a seat, an owner, a
 * relationship, a contact, an action's owner). A deal file must name each of them in its
 * roster, so a command that brings a seller the workspace does not know would make a deal
 * that can never be saved again: every later edit would stay unsaved. Commands that remove
 * a mention are not listed, so a dangling one can always be taken away. `replace-deal` is
 * not listed either: a restored or imported deal arrives from main with its sellers.
 */
export function sellersMentionedBy(command: DealCommand): string[] {
  switch (command.type) {
    case 'seat-seller':
    case 'add-owner':
    case 'add-relationship':
    case 'set-element':
    case 'raise-depth':
    case 'set-relationship-field':
      return [command.sellerId]
    case 'log-contact':
      return [command.contact.sellerId]
    case 'add-action':
      return command.action.ownerId === undefined ? [] : [command.action.ownerId]
    case 'set-action-field':
      return command.field === 'ownerId' && typeof command.value === 'string' ? [command.value] : []
    case 'add-stakeholders':
      return sellerReferences({ stakeholders: command.stakeholders }).map((r) => r.sellerId)
    case 'apply-account-attributes':
      return sellerReferences({ stakeholders: command.updates }).map((r) => r.sellerId)
    default:
      return []
  }
}
