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
