/**
 * Why the server refused a connection or a message. The reason travels to the client
 * (Hocuspocus `permission-denied` / close message), which shows it in the user's words
 * (`electron/collab/status.ts`). Codes are in the 4000–4999 range applications may use.
 */
export const REFUSAL = {
  badToken: { code: 4401, reason: 'bad-token' },
  noAccess: { code: 4403, reason: 'no-access' },
  invalidUpdate: { code: 4422, reason: 'invalid-update' },
  tooLarge: { code: 4413, reason: 'too-large' },
  /** An awareness message that does not decode, or a state for a colleague's client id (presence-guard.ts). */
  invalidPresence: { code: 4423, reason: 'invalid-presence' },
} as const

export type Refusal = (typeof REFUSAL)[keyof typeof REFUSAL]

/** A refusal thrown from a hook: Hocuspocus reads `code` and `reason` from it. */
export function refusal(kind: Refusal): Refusal {
  return { ...kind }
}
