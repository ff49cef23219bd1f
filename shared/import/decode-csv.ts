/**
 * Turn the bytes of a CRM export into text before it is parsed, whatever wrote it: Excel's
 * "Unicode Text" (UTF-16 LE with a BOM, tab-separated), UTF-8 with or without a BOM, Chinese
 * Excel's default GB18030/GBK, or Western Excel's Windows-1252. A file that is not text at
 * all (a zip, an image, random bytes) is refused with a reason, instead of importing people
 * whose names are NULs and replacement characters.
 *
 * The decoding is the platform's TextDecoder (the WHATWG Encoding standard: Chromium in the
 * window, full ICU in Node 20 and Electron's main), so the same function runs in both places
 * with nothing bundled.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

export type DecodedCsv =
  | { ok: true; text: string; encoding: CsvEncoding }
  | { ok: false; reason: 'binary' | 'unsupported'; message: string }

/** How much of the start of the file the UTF-16 guess looks at. */
const SAMPLE_BYTES = 64 * 1024
/** Text with more than this share of NULs, replacement or control characters is not text. */
const MAX_GARBAGE_SHARE = 0.01

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  try {
    const encoding = guessEncoding(bytes)
    const text = decode(bytes, encoding)
    if (text === null) return binary()
    if (looksLikeGarbage(text)) return binary()
    return { ok: true, text, encoding }
  } catch (error) {
    // A runtime without the encoding tables (a Node built with small ICU).
    if (error instanceof RangeError) return { ok: false, reason: 'unsupported', message: 'This file\'s text encoding cannot be read here' }
    throw error
  }
}

const binary = (): DecodedCsv => ({ ok: false, reason: 'binary', message: 'The file is not a text file (CSV): it holds binary data or an encoding that cannot be read' })

/** BOM first, then the zero-byte pattern of UTF-16, then strict UTF-8, then GB18030 or Windows-1252. */
function guessEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  const utf16 = utf16ByZeros(bytes)
  if (utf16) return utf16
  if (strict('utf-8', bytes) !== null) return 'utf-8'
  const chinese = strict('gb18030', bytes)
  return chinese !== null && mostlyChinese(chinese) ? 'gb18030' : 'windows-1252'
}

/**
 * Latin text in UTF-16 has a zero in every other byte: odd positions in little-endian, even
 * in big-endian. Text in any 8-bit encoding has (almost) none.
 */
function utf16ByZeros(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le'
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be'
  return null
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

function decode(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  // Strict where a wrong byte means a wrong guess; the BOM is dropped by the decoder.
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes)
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding).decode(bytes)
  return strict(encoding, bytes)
}

/**
 * Western text in Windows-1252 often decodes as valid GB18030 too ("ü" and the next letter
 * make one Chinese character), so GB18030 wins only when its non-ASCII characters are
 * mostly common Chinese characters and punctuation, and those characters do not sit inside
 * Latin words ("M?ller": a letter on both sides), as a misread accent does.
 */
function mostlyChinese(text: string): boolean {
  const chars = [...text]
  const isLetter = (ch: string | undefined) => ch !== undefined && /^[A-Za-z]$/.test(ch)
  let other = 0
  let chinese = 0
  let insideWords = 0
  chars.forEach((ch, i) => {
    const c = ch.codePointAt(0)!
    if (c < 0x80) return
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) {
      chinese++
      if (isLetter(chars[i - 1]) && isLetter(chars[i + 1])) insideWords++
    } else other++
  })
  return chinese > 0 && other <= chinese * 0.1 && insideWords <= chinese * 0.3
}

/** NULs, replacement characters and control characters other than tab and line ends. */
function looksLikeGarbage(text: string): boolean {
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || (c >= 0x7f && c < 0xa0 && c !== 0x85)) bad++
  }
  return bad > text.length * MAX_GARBAGE_SHARE
}
