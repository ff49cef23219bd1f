import type { Link } from '../model'
import { rawText } from '../raw-text'

/** Ally and conflict are mutual (shared/commands/map-commands.ts `sameLine`): A–B and B–A are one line. */
const SYMMETRIC = new Set(['ally', 'conflict'])

/** The same key for two lines the commands call the same line. */
export function sameLineKey(link: Pick<Link, 'from' | 'to' | 'kind'>): string {
  const [a, b] = SYMMETRIC.has(link.kind) && rawText(link.to) < rawText(link.from) ? [link.to, link.from] : [link.from, link.to]
  // Read from a peer's doc before its schema check: any value, never a throw.
  return `${rawText(link.kind)}:${rawText(a)}>${rawText(b)}`
}
