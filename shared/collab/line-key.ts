import type { Link } from '../model'

/** Ally and conflict are mutual (shared/commands/map-commands.ts `sameLine`): A–B and B–A are one line. */
const SYMMETRIC = new Set(['ally', 'conflict'])

/** The same key for two lines the commands call the same line. */
export function sameLineKey(link: Pick<Link, 'from' | 'to' | 'kind'>): string {
  const [a, b] = SYMMETRIC.has(link.kind) && String(link.to) < String(link.from) ? [link.to, link.from] : [link.from, link.to]
  return `${String(link.kind)}:${String(a)}>${String(b)}`
}
