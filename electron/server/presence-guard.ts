import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness'
import type { ConnectionIdentity } from './author-guard'

/** Hocuspocus MessageType.Awareness. */
const MESSAGE_AWARENESS = 1

/**
 * The most states one awareness message may carry: a client sends its own, and relays its
 * colleagues' (all of them at once when it connects): a team of a thousand fits.
 */
const MAX_PRESENCE_ENTRIES = 1_000
/** The largest state (JSON characters): the app's is a name, an email, a colour and at most 1,000 ids of 64 characters. */
const MAX_PRESENCE_STATE_CHARS = 80_000

/** The colour a state keeps when it names none the app can draw (electron/collab/presence.ts accepts only #rrggbb). */
const GREY = '#6b7280'

interface Entry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** Who a state's `user` says it is, compared as log entries' authors are (author-guard.ts `authorKey`). */
const identityKey = (who: ConnectionIdentity): string => `${who.name}\u0000${who.email.trim().toLowerCase()}`

/**
 * Presence is checked against the token like log entries (docs/collaboration.md, "Awareness
 * (presence)"). Every awareness state a connection sends has its `user.name` and `user.email`
 * replaced by the token's (the colour and selection are kept), so whatever a client says of
 * itself, everyone sees who its token is, and an honest client, which sends exactly that, sees
 * nothing change. A Yjs client id belongs to the identity that introduced it on this node (or,
 * for one first seen through Redis, to the identity its state shows: the node it came from
 * rewrote it the same way). Clients relay each other's states, so a colleague's entry that
 * changes nothing passes (Hocuspocus applies it: a no-op); one that would overwrite or remove
 * a colleague's presence closes the connection.
 */
export class PresenceGuard {
  /** Per document's awareness: client id → identity key of who introduced it. Kept while the document is loaded. */
  private readonly owners = new WeakMap<Awareness, Map<number, string>>()

  /** `isTokenHolder`: whether a token names this person (the tokens file). */
  constructor(private readonly isTokenHolder: (who: ConnectionIdentity) => boolean) {}

  /**
   * Check an incoming Hocuspocus message; if it carries awareness, apply the rewritten states now
   * (with the connection's socket as origin, as Hocuspocus does, so it tracks the client ids
   * and removes them when the connection closes). Hocuspocus then applies the original, at the
   * same clocks: y-protocols keeps a state only for a higher clock, so the original changes
   * nothing. Returns a refusal reason when the message must close the connection.
   */
  guard(message: Uint8Array, awareness: Awareness, identity: ConnectionIdentity, origin: unknown): 'malformed' | 'not-yours' | null {
    const update = awarenessUpdateOf(message)
    if (update === null) return null
    const entries = decodeEntries(update)
    if (entries === null) return 'malformed'
    const own = identityKey(identity)
    const owners = this.ownersOf(awareness)
    const mine: Entry[] = []
    const hidden: Entry[] = []
    const kept: Entry[] = []
    for (const entry of entries) {
      const owner = owners.get(entry.clientId) ?? shownIdentity(awareness.getStates().get(entry.clientId))
      if (owner === undefined) {
        // A client id this node has not seen showing another token holder: a colleague's state
        // relayed before its owner is back (this node restarted, and the first laptop to
        // reconnect passes on everyone's), or a claim to be that colleague. Neither is
        // believed nor binds the id: it is hidden until its owner's own connection sends it.
        const claimed = claimedIdentity(entry.state)
        if (claimed && identityKey(claimed) !== own && this.isTokenHolder(claimed)) hidden.push({ ...entry, state: null })
        else mine.push(entry)
      } else if (owner === own) mine.push(entry)
      // Every client relays the states it receives (the provider sends each awareness change,
      // its own removals of everyone when its connection drops included): a colleague's state
      // passes when it changes nothing; the removal of a colleague still live is outdated by
      // that colleague's own state, sent again at a later clock, so it removes nothing and
      // nobody honest is cut off; a newer state for a colleague's id is an overwrite.
      else if (entry.state === null) {
        const live = liveState(awareness, entry)
        if (live) kept.push({ clientId: entry.clientId, clock: entry.clock + 1, state: live })
      } else if (!isRelay(awareness, entry)) return 'not-yours'
    }
    // A removal binds nobody: an old state relayed after a restart must not take a colleague's id.
    for (const { clientId, state } of mine) if (state !== null) owners.set(clientId, own)
    const applied = [...hidden, ...mine.map((e) => ({ ...e, clock: clockShown(awareness, e), state: e.state && asIdentity(e.state, identity) }))]
    if (applied.length > 0) applyAwarenessUpdate(awareness, encodeEntries(applied), origin)
    // No connection's: Hocuspocus keeps each client id with the connection that brought it.
    if (kept.length > 0) applyAwarenessUpdate(awareness, encodeEntries(kept), null)
    return null
  }

  private ownersOf(awareness: Awareness): Map<number, string> {
    let owners = this.owners.get(awareness)
    if (!owners) this.owners.set(awareness, (owners = new Map()))
    return owners
  }
}

/**
 * A live client renews its state every 15 s (y-protocols: half its 30 s timeout, checked every
 * 3 s); a client that has not heard from a colleague for 30 s removes that state and relays the
 * removal. Between the two: a removal of a state quiet this long is a relay of that timeout.
 */
const QUIET_MS = 25_000

/** Whether a colleague's state is what an honest client relays: a clock already seen (y-protocols ignores it). */
function isRelay(awareness: Awareness, { clientId, clock }: Entry): boolean {
  return clock <= (awareness.meta.get(clientId)?.clock ?? 0)
}

/** The colleague's state a removal would take away, while it is live (renewed within the last 25 s); null once quiet: the removal is then a relay of its timeout. */
function liveState(awareness: Awareness, { clientId, clock }: Entry): Record<string, unknown> | null {
  const meta = awareness.meta.get(clientId)
  const state = awareness.getStates().get(clientId)
  if (!meta || !state || clock < meta.clock) return null
  return Date.now() - meta.lastUpdated < QUIET_MS ? state : null
}

/**
 * The clock an owner's state is applied at: its own, or, when this node holds no state for the
 * id at that clock or later (it hid a relay of it), one past what it holds, so the owner's state
 * is seen at once; the owner's client takes the clock it is sent back.
 */
function clockShown(awareness: Awareness, { clientId, clock, state }: Entry): number {
  const held = awareness.meta.get(clientId)?.clock
  if (state === null || held === undefined || clock > held || awareness.getStates().has(clientId)) return clock
  return held + 1
}

/** The awareness update a Hocuspocus message carries, or null for any other message. */
function awarenessUpdateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message)
  decoding.readVarString(decoder)
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return null
  return decoding.readVarUint8Array(decoder)
}

/** y-protocols awareness encoding: varuint count, then per entry client id, clock, JSON state (an object or null). */
function decodeEntries(update: Uint8Array): Entry[] | null {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > MAX_PRESENCE_ENTRIES) return null
    const entries: Entry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const text = decoding.readVarString(decoder)
      if (text.length > MAX_PRESENCE_STATE_CHARS) return null
      const state: unknown = JSON.parse(text)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
    }
    return decoding.hasContent(decoder) ? null : entries
  } catch {
    return null
  }
}

function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

/** The state with the token's name and email; its own colour when it is one the app draws. */
function asIdentity(state: Record<string, unknown>, identity: ConnectionIdentity): Record<string, unknown> {
  const user = state.user
  const color = typeof user === 'object' && user !== null && 'color' in user ? (user as { color: unknown }).color : undefined
  return { ...state, user: { name: identity.name, email: identity.email, color: typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : GREY } }
}

/** Who a state's \`user\` says it is, when it names someone. */
function claimedIdentity(state: Record<string, unknown> | null): ConnectionIdentity | undefined {
  const user = state?.user as { name?: unknown; email?: unknown } | undefined
  return typeof user?.name === 'string' && typeof user.email === 'string' ? { name: user.name, email: user.email } : undefined
}

/** The identity a state already held shows (rewritten by the node it was sent to), if it shows one. */
function shownIdentity(state: Record<string, unknown> | undefined): string | undefined {
  const user = state?.user as { name?: unknown; email?: unknown } | undefined
  return typeof user?.name === 'string' && typeof user.email === 'string' ? identityKey({ name: user.name, email: user.email }) : undefined
}
