/**
 * How Chromium mode carries a call between the page and main's handlers: one JSON string each
 * way, parsed on the other side. Electron's IPC copies values with the structured clone, about
 * the cost of JSON; Playwright's own value serialiser (what `exposeFunction` uses for
 * arguments and results) builds an object per value and took 0.3–0.8 s for a 1,000-person
 * deal, a cost users never pay (docs/performance.md, "Open, part 2"). What JSON cannot hold is
 * tagged so values arrive as the structured clone would bring them: bytes (any view or
 * ArrayBuffer, as a Uint8Array: the contract carries Uint8Array), `undefined`, NaN and ±∞,
 * dates. Self-contained (its source is put into the page by bridge.ts): no imports, no outer
 * names.
 */
export function wireCodec(): { encode(value: unknown): string; decode(text: string): unknown } {
  const TAG = '\u0000wire'
  const CHUNK = 0x8000
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = ''
    for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
    return btoa(binary)
  }
  const fromBase64 = (text: string): Uint8Array => {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  }
  const revive = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = revive(value[i])
      return value
    }
    const record = value as Record<string, unknown>
    switch (record[TAG]) {
      case 'bytes': return fromBase64(record.base64 as string)
      case 'undefined': return undefined
      case 'number': return Number(record.value)
      case 'date': return new Date(record.value as string)
    }
    for (const key of Object.keys(record)) record[key] = revive(record[key])
    return record
  }
  return {
    // The first character says whether anything was tagged: most calls need no second walk.
    encode(value) {
      let tagged = false
      const json = JSON.stringify(value, function (this: Record<string, unknown>, key, plain: unknown) {
        const raw = this[key] // before toJSON: a Date is still a Date here
        let tag: Record<string, unknown> | null = null
        if (raw instanceof ArrayBuffer) tag = { [TAG]: 'bytes', base64: toBase64(new Uint8Array(raw)) }
        else if (ArrayBuffer.isView(raw)) tag = { [TAG]: 'bytes', base64: toBase64(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)) }
        else if (raw === undefined) tag = { [TAG]: 'undefined' }
        else if (typeof raw === 'number' && !Number.isFinite(raw)) tag = { [TAG]: 'number', value: String(raw) }
        else if (raw instanceof Date && !Number.isNaN(raw.getTime())) tag = { [TAG]: 'date', value: raw.toISOString() }
        if (!tag) return plain
        tagged = true
        return tag
      })
      return (tagged ? '1' : '0') + json
    },
    decode(text) {
      const value: unknown = JSON.parse(text.slice(1))
      return text[0] === '1' ? revive(value) : value
    },
  }
}
