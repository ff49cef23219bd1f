/**
 * What the top bar and `war-room sync` show about a shared deal (docs/collaboration.md):
 * connected, offline with n changes waiting, syncing, or refused with the reason.
 */
export type RefusalReason =
  /** The server does not know the token. */
  | 'bad-token'
  /** The token is known but may not open this document (a name the server does not serve). */
  | 'no-access'
  /** No server answers at the URL (retrying meanwhile). */
  | 'unreachable'
  /** The server sent a state that would make the deal invalid: it was not applied. */
  | 'invalid-remote-state'
  /** A viewer's change was refused by the server (the deal can still be followed live). */
  | 'read-only'
  /** The server refused one of our updates as invalid (a client bug or a newer schema). */
  | 'update-refused'
  /** The deal is not on the server and there is no local deal to share. */
  | 'not-on-server'
  /** This laptop's disk refuses the update log or the deal's files (full?): changes are in memory only; retrying. */
  | 'not-saved-here'

export type SyncStatus =
  | { kind: 'connected'; readOnly: boolean }
  | { kind: 'syncing' }
  | { kind: 'offline'; pending: number }
  | { kind: 'refused'; reason: RefusalReason }

/** The server's refusal reasons (electron/server/refusals.ts) as the client's. */
export function refusalOfServerReason(reason: string): RefusalReason {
  switch (reason) {
    case 'bad-token': return 'bad-token'
    case 'invalid-update': return 'update-refused'
    case 'too-large': return 'update-refused'
    default: return 'no-access'
  }
}

/** English words for the CLI (the app translates the codes through shared/i18n). */
export function describeStatus(status: SyncStatus): string {
  switch (status.kind) {
    case 'connected': return status.readOnly ? 'in sync (read-only: your token is a viewer token)' : 'in sync'
    case 'syncing': return 'syncing'
    case 'offline': return `offline, ${status.pending} change${status.pending === 1 ? '' : 's'} waiting`
    case 'refused': return `refused: ${REASON_WORDS[status.reason]}`
  }
}

const REASON_WORDS: Record<RefusalReason, string> = {
  'bad-token': 'the server does not accept this token',
  'no-access': 'this token has no access to the deal',
  unreachable: 'the server cannot be reached',
  'invalid-remote-state': 'the server sent a state that would make the deal invalid; nothing was changed here',
  'read-only': 'this token is a viewer token; changes made here were not accepted by the server',
  'update-refused': 'the server refused a change from here as invalid',
  'not-on-server': 'the deal is not on the server and not in this data folder',
  'not-saved-here': 'changes cannot be written to this data folder (is the disk full?); retrying',
}
