import type { Capture } from '../history'
import type { DealFactIssue, DealFactsPatch } from '../deal-facts'
import type { Contact, Deal, Element, Link, LinkKind, NextAction, Position, Relationship, SellerKind, Stakeholder, ValueKind } from '../model'

/**
 * Every edit to a deal is a small typed command applied by a pure function, so the UI,
 * undo/redo, tests and (later) collaboration all change a deal the same way. A command names
 * one change of one thing (one field of one person, one seat, one element of one
 * relationship), holds only JSON values (`null`, never `undefined`, clears an optional
 * value), and is checked against the deal before it applies: so a command received from
 * elsewhere can be replayed as safely as one made here.
 */

/** The stakeholder fields `set-field` edits one at a time (lists and position have their own commands). */
export const STAKEHOLDER_FIELDS = ['name', 'email', 'title', 'department', 'buyingRole', 'influence', 'innerCircle', 'stance', 'favoredCompetitor', 'mode', 'notes', 'placeholder'] as const
export type StakeholderField = (typeof STAKEHOLDER_FIELDS)[number]

/** An optional field takes `null` to clear it. */
type JsonValue<T> = undefined extends T ? Exclude<T, undefined> | null : T
export type StakeholderFieldValue<K extends StakeholderField> = JsonValue<Stakeholder[K]>

export type SetFieldCommand = {
  [K in StakeholderField]: { type: 'set-field'; stakeholderId: string; field: K; value: StakeholderFieldValue<K> }
}[StakeholderField]

export type SetRelationshipFieldCommand =
  | { type: 'set-relationship-field'; stakeholderId: string; sellerId: string; field: 'valueKind'; value: ValueKind | null }
  | { type: 'set-relationship-field'; stakeholderId: string; sellerId: string; field: 'knownSince'; value: string | null }

export type ActionField = 'what' | 'ownerId' | 'due' | 'done'
export type SetActionFieldCommand = {
  [K in ActionField]: { type: 'set-action-field'; stakeholderId: string; actionId: string; field: K; value: JsonValue<NextAction[K]> }
}[ActionField]


export type DealCommand =
  // The map
  | { type: 'add-stakeholders'; stakeholders: Stakeholder[]; links?: Link[] }
  | { type: 'remove-stakeholders'; ids: string[] }
  /** Two cards that are one person (the possible-duplicate finding): keep one, move the other's lines and lists onto it. */
  | { type: 'merge-people'; keepId: string; mergeId: string }
  | { type: 'move-stakeholders'; moves: Array<{ id: string; position: Position }> }
  | { type: 'add-link'; link: Link }
  /** Change a line's kind; `reverse` swaps its ends (who reports to / influences whom). */
  | { type: 'update-link'; id: string; kind: LinkKind; reverse?: boolean }
  | { type: 'remove-links'; ids: string[] }
  /** Put a few words on a line ("golf partner"); an empty label removes it. */
  | { type: 'set-link-label'; id: string; label: string }
  // One person
  | SetFieldCommand
  | { type: 'add-owner'; stakeholderId: string; sellerId: string }
  | { type: 'remove-owner'; stakeholderId: string; sellerId: string }
  // Relationships, contacts, next actions
  | { type: 'add-relationship'; stakeholderId: string; sellerId: string }
  | { type: 'remove-relationship'; stakeholderId: string; sellerId: string }
  /** `score: null` on frequency or length drops the override (back to derived). */
  | { type: 'set-element'; stakeholderId: string; sellerId: string; element: Element; score: number | null }
  /** Raise depth to at least `depth`, never lower it (what a contact showed). */
  | { type: 'raise-depth'; stakeholderId: string; sellerId: string; depth: number }
  | SetRelationshipFieldCommand
  | { type: 'log-contact'; stakeholderId: string; contact: Contact }
  /** Contacts have no id: the one removed is the first equal to `contact`. */
  | { type: 'remove-contact'; stakeholderId: string; contact: Contact }
  | { type: 'add-action'; stakeholderId: string; action: NextAction }
  | SetActionFieldCommand
  | { type: 'remove-action'; stakeholderId: string; actionId: string }
  // The team
  | { type: 'seat-seller'; sellerId: string; seat: SellerKind }
  | { type: 'unseat-seller'; sellerId: string; seat: SellerKind }
  | { type: 'set-lead'; sellerId: string; seat: SellerKind; lead: boolean }
  // The whole deal
  /** The deal's own facts (name, customer, stage, amount, close date, competitors, notes), validated; the team has its own commands. */
  | { type: 'set-deal-facts'; patch: DealFactsPatch }
  | { type: 'replace-deal'; deal: Deal }
  // The account (docs/method.md, "Accounts")
  /** Cards take their person's latest person-scoped attributes from the account: one undo step for all of them. */
  | { type: 'apply-account-attributes'; updates: AccountCardUpdate[] }

/** One card's person-scoped attributes as the account holds them (shared/accounts `CardUpdate`). */
export interface AccountCardUpdate {
  stakeholderId: string
  personId: string
  name: string
  email: string | null
  title: string
  department: string
  relationships: Relationship[]
  contacts: Contact[]
}

export type CommandType = DealCommand['type']
export type CommandOf<T extends CommandType> = Extract<DealCommand, { type: T }>

export type CommandErrorCode =
  | 'empty-name'
  | 'invalid-value'
  | 'invalid-email'
  | 'self-line'
  | 'duplicate-line'
  | 'unknown-stakeholder'
  | 'unknown-line'
  | 'unknown-seat'
  | 'unknown-seller'
  | 'unknown-relationship'
  | 'unknown-contact'
  | 'unknown-action'
  | 'duplicate-id'
  | 'limit-reached'
  | 'wrong-deal'
  | 'invalid-deal-facts'

export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CommandError'
  }
}

/** A refused `set-deal-facts`: every issue, so the form can say each under its field. */
export class DealFactsError extends CommandError {
  constructor(readonly issues: DealFactIssue[]) {
    super('invalid-deal-facts', `The deal's details are not valid: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`)
  }
}

/**
 * What one command is in the undo history, declared with the command as excalidraw's
 * actions declare `captureUpdate`: 'step' is its own undo step, 'merge' folds a burst with
 * the same key (one drag, one visit of a text field) into one step, 'skip' is not undoable.
 * A caller may pass its own policy (the drag's key, the field visit's key).
 */
export interface UndoPolicy {
  capture: Capture
  mergeKey?: string
}

export interface CommandDefinition<C extends DealCommand> {
  /** The default undo policy; a function when it depends on the command (a text field merges, a select does not). */
  undo: UndoPolicy | ((command: C) => UndoPolicy)
  /** Make the command's text fit to store (control characters…); returns the same command when clean. */
  clean?(command: C): C
  /** The new deal, sharing every untouched object; throws a CommandError when the command does not fit the deal. */
  apply(deal: Deal, command: C): Deal
}

export type CommandTable = { [T in CommandType]: CommandDefinition<CommandOf<T>> }
