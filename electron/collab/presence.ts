import { z } from 'zod'

/** Awareness state (docs/collaboration.md): `{ user: { name, email, color }, selection: string[] }`. */
const PresenceUserSchema = z.object({
  name: z.string().max(200),
  email: z.string().max(320),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
})
const AwarenessStateSchema = z.object({
  user: PresenceUserSchema,
  selection: z.array(z.string().max(64)).max(1000).default([]),
})

export type PresenceUser = z.infer<typeof PresenceUserSchema>

export interface PresenceState {
  clientId: number
  user: PresenceUser
  selection: string[]
}

/**
 * A colleague's awareness state, or nothing when it does not have the agreed shape. Any
 * client can put anything in awareness, so it is checked like a document update.
 */
export function parsePresence(clientId: number, state: unknown): PresenceState[] {
  const parsed = AwarenessStateSchema.safeParse(state)
  return parsed.success ? [{ clientId, user: parsed.data.user, selection: parsed.data.selection }] : []
}
