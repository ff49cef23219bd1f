import { z } from 'zod'

/** What the team server says a token names (`GET /whoami`): a server's bytes, checked. */
const IdentitySchema = z.strictObject({ name: z.string().max(200), email: z.string().max(200), role: z.enum(['editor', 'viewer']) })
export type ServerIdentity = z.infer<typeof IdentitySchema>

const ASK_MS = 5_000

/**
 * Who the server knows this token as: the name and email the app signs its change log entries
 * with, since the server refuses entries in anyone else's name (docs/collaboration.md,
 * "Authors are checked"). `bad-token` when the server does not know the token; null when it
 * cannot say (unreachable, or a server without `/whoami`): the caller keeps the name typed.
 */
export async function askIdentity(serverUrl: string, token: string): Promise<ServerIdentity | 'bad-token' | null> {
  let url: URL
  try {
    url = new URL('/whoami', serverUrl.replace(/^ws(s?):\/\//i, 'http$1://'))
  } catch {
    return null
  }
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(ASK_MS), redirect: 'error' })
    if (response.status === 401) return 'bad-token'
    if (!response.ok) return null
    const parsed = IdentitySchema.safeParse(await response.json())
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
