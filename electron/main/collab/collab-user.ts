import { join } from 'node:path'
import { z } from 'zod'
import { readTextIfExists, type DurableFs } from '../store/durable-fs'
import { writeSerialized } from '../store/serial-writer'
import type { CollabUser } from './collab-service'

/**
 * `collab-user.json` in the data folder: who this laptop is in every shared deal's presence
 * (the name and email typed when sharing or joining). Not a secret; the tokens are in the vault.
 */
const CollabUserSchema = z.strictObject({ name: z.string().min(1).max(200), email: z.string().max(320) })

const pathOf = (dataDir: string) => join(dataDir, 'collab-user.json')

/** Colleagues' colours: distinct, readable with white initials, each a plain #rrggbb (the awareness schema). */
const COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#4d7c0f']

/** A colour of one's own, the same on every laptop for one email (or name). */
export function colorOf(who: { name: string; email: string }): string {
  const key = (who.email || who.name).toLowerCase()
  let hash = 0
  for (const ch of key) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return COLORS[hash % COLORS.length]
}

export async function readCollabUser(fs: DurableFs, dataDir: string): Promise<CollabUser | null> {
  const text = await readTextIfExists(fs, pathOf(dataDir))
  if (text === null) return null
  try {
    const parsed = CollabUserSchema.safeParse(JSON.parse(text))
    return parsed.success ? { ...parsed.data, color: colorOf(parsed.data) } : null
  } catch {
    return null // unreadable: the next share or join asks and writes it again
  }
}

export async function writeCollabUser(fs: DurableFs, dataDir: string, who: { name: string; email: string }): Promise<CollabUser> {
  const user = CollabUserSchema.parse(who)
  await writeSerialized(fs, pathOf(dataDir), `${JSON.stringify(user, null, 2)}\n`)
  return { ...user, color: colorOf(user) }
}
