import type { Deal } from '../model'
import { COMMAND_SHAPES } from './command-schema'
import { sellersMentionedBy } from './seller-mentions'
import { addAction, removeAction, setActionField } from './action-commands'
import { logContact, removeContact } from './contact-commands'
import { replaceDeal, setDealFacts } from './deal-commands'
import { applyAccountAttributes } from './account-commands'
import { setField } from './field-commands'
import { setLinkLabel } from './link-label-commands'
import { addLink, addStakeholders, moveStakeholders, removeLinks, removeStakeholders, updateLink } from './map-commands'
import { mergePeople } from './merge-people'
import { addOwner, removeOwner } from './owner-commands'
import { addRelationship, raiseDepth, removeRelationship, setElement, setRelationshipField } from './relationship-commands'
import { seatSeller, setLead, unseatSeller } from './team-commands'
import { CommandError, type CommandDefinition, type CommandTable, type DealCommand, type UndoPolicy } from './types'

/** Every command the app knows, by type: how it applies and what it is in the undo history. */
export const COMMANDS: CommandTable = {
  'add-stakeholders': addStakeholders,
  'remove-stakeholders': removeStakeholders,
  'merge-people': mergePeople,
  'move-stakeholders': moveStakeholders,
  'add-link': addLink,
  'update-link': updateLink,
  'remove-links': removeLinks,
  'set-link-label': setLinkLabel,
  'set-field': setField,
  'add-owner': addOwner,
  'remove-owner': removeOwner,
  'add-relationship': addRelationship,
  'remove-relationship': removeRelationship,
  'set-element': setElement,
  'raise-depth': raiseDepth,
  'set-relationship-field': setRelationshipField,
  'log-contact': logContact,
  'remove-contact': removeContact,
  'add-action': addAction,
  'set-action-field': setActionField,
  'remove-action': removeAction,
  'seat-seller': seatSeller,
  'unseat-seller': unseatSeller,
  'set-lead': setLead,
  'set-deal-facts': setDealFacts,
  'replace-deal': replaceDeal,
  'apply-account-attributes': applyAccountAttributes,
}

function definitionOf(command: DealCommand): CommandDefinition<DealCommand> {
  const type: unknown = typeof command === 'object' && command !== null ? command.type : undefined
  const definition = typeof type === 'string' && Object.hasOwn(COMMANDS, type) ? (COMMANDS as Record<string, CommandDefinition<DealCommand>>)[type] : undefined
  if (!definition) throw new CommandError('invalid-value', `"${String(type)}" is not a command`)
  return definition
}

/** Refuse a command whose shape is wrong before any of it is read (it may come from another app). */
function checkShape(command: DealCommand): void {
  const result = COMMAND_SHAPES[command.type].safeParse(command)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new CommandError('invalid-value', `${command.type}: ${issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'not a valid command'}`)
  }
}

/** What a command is checked against beyond the deal itself. */
export interface CommandContext {
  /** The ids of the workspace's sellers: a command may only bring in a seller the deal file can name. */
  sellers?: ReadonlySet<string>
}

/**
 * Apply one command; returns a new deal sharing every untouched object with the old one, or
 * the same deal when the command changes nothing. Every text a command brings (typed in the
 * inspector, pasted, imported from a CSV) is cleaned first, so what the user sees is what is
 * saved and no edit fails on an invisible control character.
 */
export function applyCommand(deal: Deal, command: DealCommand, context: CommandContext = {}): Deal {
  const definition = definitionOf(command)
  checkShape(command)
  if (context.sellers) {
    const unknown = sellersMentionedBy(command).find((id) => !context.sellers!.has(id))
    if (unknown !== undefined) throw new CommandError('unknown-seller', `Seller "${unknown}" is not in the roster`)
  }
  return definition.apply(deal, definition.clean ? definition.clean(command) : command)
}

/** The command's default undo policy (a caller's own policy wins: a drag's key, a field visit's key). */
export function undoPolicyOf(command: DealCommand): UndoPolicy {
  const { undo } = definitionOf(command)
  return typeof undo === 'function' ? undo(command) : undo
}

export { CommandError, DealFactsError, STAKEHOLDER_FIELDS } from './types'
export type {
  CommandErrorCode, CommandType, DealCommand, StakeholderField, StakeholderFieldValue, UndoPolicy,
} from './types'
