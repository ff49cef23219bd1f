/** One byte array holding `pieces` end to end (a file built from cached pieces, a fallback for writev). */
export function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of pieces) length += p.byteLength
  const out = new Uint8Array(length)
  let at = 0
  for (const p of pieces) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/** The UTF-8 length of `text`, without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/**
 * True when `text` takes more than `max` bytes in UTF-8. UTF-8 never takes fewer bytes than
 * UTF-16 units nor more than three per unit, so most texts are settled by their length alone.
 */
export function exceedsUtf8(text: string, max: number): boolean {
  if (text.length > max) return true
  if (text.length * 3 <= max) return false
  return utf8Length(text) > max
}
