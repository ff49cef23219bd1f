import { z } from 'zod'
import type { Deal } from './model/deal'
import type { Stakeholder } from './model/stakeholder'
import { Id } from './model/primitives'
import { COMMAND_SHAPES } from './commands/command-schema'

/**
 * The collaboration part of the IPC contract (#16, docs/collaboration-app.md): the page asks
 * main to share, join, leave or unshare a deal, sends each command of a shared deal at once,
 * and main pushes the sync state, who is here and the derived deal on `COLLAB_EVENT_CHANNEL`.
 * Sockets are opened by main only; the page never sees a token again once it is handed over.
 */

/**
 * Why the server (or our own checks) refused the session; the page says it in the user's language.
 * `no-token`: this laptop keeps no token for the deal (the Chromium harness's memory-only vault after a
 * restart, or a keychain that cannot decrypt it): the user types it again.
 * `share-damaged`: the deal's share record on this laptop cannot be read; Share again (its edits wait in the log).
 * `not-saved-here`: the disk refuses the deal's files (full?); changes are in memory only until a retry goes through.
 * `log-damaged`: the deal's update log on this laptop cannot be read; Stop sharing here keeps this laptop's copy, Leave and join again takes the team's.
 */
export const REFUSAL_REASONS = ['bad-token', 'no-access', 'unreachable', 'invalid-remote-state', 'read-only', 'update-refused', 'not-on-server', 'no-token', 'share-damaged', 'not-saved-here', 'log-damaged'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/** The top bar's state of a shared deal. */
export type SyncStatus =
  | { kind: 'connected' }
  | { kind: 'syncing' }
  | { kind: 'offline'; pending: number }
  | { kind: 'refused'; reason: RefusalReason }

/** A colleague in the deal now (from the awareness state `{ user, selection }`). */
export interface PresentUser {
  clientId: number
  name: string
  email: string
  color: string
  selection: string[]
  /** This laptop's own entry. */
  self: boolean
}

export interface CollabState {
  dealId: string
  serverUrl: string
  documentName: string
  role: 'editor' | 'viewer'
  status: SyncStatus
  presence: PresentUser[]
  canUndo: boolean
  canRedo: boolean
}

/** One entry of the shared deal's change log (collab-core `ChangeEntry`): who changed what, when. */
export interface TeamChange {
  id: string
  at: string
  author: { name: string; email: string }
  command: string
  targets: string[]
}

/**
 * Main → page pushes. `deal` is the deal derived from the doc (after a remote change, when
 * sharing resumes, or when the page asks again); `people` is a push that changed people only,
 * with those people as the doc has them now: the deal of push `seq - 1` with these people
 * swapped in is the doc's deal (shared/deal-push.ts). A page that missed push `seq - 1` asks
 * for the whole deal again (`collab:state`). Each push is numbered per deal.
 */
export type CollabEvent =
  | { kind: 'state'; state: CollabState }
  | { kind: 'deal'; dealId: string; seq: number; deal: Deal }
  | { kind: 'people'; dealId: string; seq: number; people: Stakeholder[] }
  | { kind: 'ended'; dealId: string }

/** The longest URL and token accepted (a token is a secret the server issued, not an essay). */
const URL_MAX = 2000
const TOKEN_MAX = 4096
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * A collaboration server's address: ws:// or wss:// with a host, nothing else (no credentials
 * in it, no query that could smuggle a token into a log). The page checks the same rule to say
 * what is wrong under the field (`serverUrlProblem`).
 */
export type ServerUrlProblem = 'empty' | 'not-websocket' | 'unreadable' | 'has-credentials' | 'too-long'
export function serverUrlProblem(value: string): ServerUrlProblem | null {
  const text = value.trim()
  if (text === '') return 'empty'
  if (text.length > URL_MAX || CONTROL.test(text)) return text.length > URL_MAX ? 'too-long' : 'unreadable'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'unreadable'
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'not-websocket'
  if (!url.hostname) return 'unreadable'
  if (url.username || url.password) return 'has-credentials'
  return null
}

export type TokenProblem = 'empty' | 'unreadable' | 'too-long'
export function tokenProblem(value: string): TokenProblem | null {
  if (value.trim() === '') return 'empty'
  if (value.length > TOKEN_MAX) return 'too-long'
  if (CONTROL.test(value) || /\s/.test(value.trim())) return 'unreadable'
  return null
}

const ServerUrl = z.string().max(URL_MAX).refine((v) => serverUrlProblem(v) === null, 'Not a ws:// or wss:// server address').transform((v) => v.trim())
const Token = z.string().max(TOKEN_MAX).refine((v) => tokenProblem(v) === null, 'Not a token').transform((v) => v.trim())

/** A command as the page sends it; its full shape is checked by `applyCommand` (COMMAND_SHAPES) in main. */
const CommandArg = z.looseObject({ type: z.string().refine((t) => Object.hasOwn(COMMAND_SHAPES, t), 'Not a command') })

/** Who this laptop is in the team's presence: a name, and an email colleagues recognise (may be empty). */
const Person = { name: z.string().trim().min(1).max(200).refine((v) => !CONTROL.test(v)), email: z.string().trim().max(320).refine((v) => !CONTROL.test(v) && (v === '' || /^[^\s@]+@[^\s@]+$/.test(v))) }

/** What "Share with team…" sends besides the deal's id (shared/ipc.ts adds `earlier`, checked by main's deal store). */
export const ShareFields = z.strictObject({ serverUrl: ServerUrl, token: Token, ...Person })

/**
 * At most this many of the page's undo steps go with a deal being shared: main replays them
 * into the new doc as the user's own steps, so Ctrl+Z still takes them back after sharing
 * (docs/collaboration-app.md, "Undo across sharing").
 */
export const MAX_EARLIER_STATES = 20

export const COLLAB_CHANNEL_ARGS = {
  'collab:share': z.tuple([Id, ShareFields]),
  'collab:join': z.tuple([z.strictObject({ serverUrl: ServerUrl, token: Token, dealId: Id, ...Person })]),
  'collab:leave': z.tuple([Id]),
  'collab:unshare': z.tuple([Id]),
  'collab:state': z.tuple([Id]),
  // The third is the edit's merge key (a burst of typing in one field): one undo step on this laptop.
  'collab:apply': z.tuple([Id, z.array(CommandArg).min(1).max(500), z.string().min(1).max(200).optional()]),
  'collab:undo': z.tuple([Id]),
  'collab:redo': z.tuple([Id]),
  'collab:select': z.tuple([Id, z.array(Id).max(1000)]),
  'collab:log': z.tuple([Id, z.number().int().min(1).max(500)]),
} as const

export interface CollabChannelResults {
  'collab:share': CollabState
  'collab:join': Deal
  'collab:leave': null
  'collab:unshare': null
  'collab:state': CollabState | null
  'collab:apply': null
  'collab:undo': Deal | null
  'collab:redo': Deal | null
  'collab:select': null
  /** The latest entries of the doc's change log, newest first (for "What changed" with authors). */
  'collab:log': TeamChange[]
}
