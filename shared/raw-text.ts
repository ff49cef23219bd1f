/**
 * A value no schema has passed yet, as text for a key or a message. `String()` throws on an
 * object whose `toString` is not a function (`{"toString": false}` is valid JSON, and a peer's
 * Yjs update can carry it): a plain value is shown as it is, anything else by its kind.
 */
export function rawText(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === null || v === undefined) return String(v)
  return `[${Array.isArray(v) ? 'list' : typeof v}]`
}
