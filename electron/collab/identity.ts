import { z } from 'zod'

/** What the team server says a token names (`GET /whoami`): a server's bytes, checked. */
const IdentitySchema = z.strictObject({ name: z.string().max(200), email: z.string().max(200), role: z.enum(['editor', 'viewer']) })
export type ServerIdentity = z.infer<typeof IdentitySchema>

const ASK_MS = 5_000
/** An identity is under 1 KB; a server sending more is not read on (it could send gigabytes within the timeout). */
const MAX_ANSWER_BYTES = 16 * 1024

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
    const text = await readCapped(response, MAX_ANSWER_BYTES)
    if (text === null) return null
    const parsed = IdentitySchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The body as text, or null past `max` bytes (then the rest is not downloaded). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
