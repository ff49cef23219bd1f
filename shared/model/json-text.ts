/**
 * A deal file's text, piece by piece: exactly `JSON.stringify(file, null, 2)`, so cached
 * pieces of validated values can be reused (deal-validator.ts `filePieces`).
 */

export const pad = (depth: number): string => '  '.repeat(depth)

/** `JSON.stringify(value, null, 2)` as it reads when the value sits `depth` levels deep. */
export function nestedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2)
  return depth === 0 ? text : text.replaceAll('\n', '\n' + pad(depth))
}

/**
 * Write a plain object as `JSON.stringify(…, null, 2)` would at `depth`, letting `custom`
 * write the value of some keys itself (it returns true when it did).
 */
export function objectText(
  obj: Record<string, unknown>,
  depth: number,
  pieces: Array<string | Uint8Array>,
  custom: (key: string, value: unknown, depth: number) => boolean,
): void {
  let first = true
  pieces.push('{')
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue
    pieces.push(`${first ? '\n' : ',\n'}${pad(depth + 1)}${JSON.stringify(key)}: `)
    first = false
    if (!custom(key, value, depth + 1)) pieces.push(nestedJson(value, depth + 1))
  }
  pieces.push(first ? '}' : `\n${pad(depth)}}`)
}
