import type JSZip from 'jszip'

/**
 * Write a JSZip's files as a zip, deflated by the platform's own zlib (`CompressionStream`,
 * in Node 18+, browsers and Web Workers alike) instead of JSZip's JavaScript deflate, CRC and
 * UTF-8 workers, which were the largest single cost of a big deck (docs/performance.md,
 * "Deck, part 2"). Same entries, same order, same names and dates as JSZip writes; only the
 * compressed bytes differ (zlib's default level, smaller than JSZip's level 1).
 *
 * Returns null where `CompressionStream` is missing; the caller then lets JSZip do it.
 */
export async function zipNatively(zip: JSZip): Promise<Uint8Array | null> {
  if (typeof CompressionStream !== 'function') return null
  const files = Object.values(zip.files)
  const entries: Entry[] = new Array(files.length)
  // A few parts in flight at once: the platform deflates off the main thread while the
  // next parts are read and encoded.
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const i = next++
      entries[i] = await entryOf(files[i])
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
  return assemble(entries)
}

const IN_FLIGHT = 4
const DEFLATE = 8
const STORE = 0
const utf8 = new TextEncoder()

interface Entry {
  name: Uint8Array
  /** The name holds non-ASCII characters: general-purpose bit 11 (UTF-8 names). */
  utf8Name: boolean
  dir: boolean
  date: Date
  method: number
  crc: number
  size: number
  data: Uint8Array
}

async function entryOf(file: JSZip.JSZipObject): Promise<Entry> {
  const name = utf8.encode(file.name)
  const base = { name, utf8Name: name.length !== file.name.length, dir: file.dir, date: file.date }
  if (file.dir) return { ...base, method: STORE, crc: 0, size: 0, data: new Uint8Array(0) }
  const bytes = await bytesOf(file)
  const { crc, deflated } = await gzipParts(bytes)
  // A part too small to gain from deflate is stored, as zip tools do.
  return deflated.length < bytes.length
    ? { ...base, method: DEFLATE, crc, size: bytes.length, data: deflated }
    : { ...base, method: STORE, crc, size: bytes.length, data: bytes }
}

/**
 * A part's bytes. Text that pptxgenjs or we put in is taken as it was given (JSZip holds it
 * as a promise of the string) and encoded natively: JSZip's own way of reading it back runs
 * it through its stream workers in 16 KB chunks, a twentieth of the deck's time. Any other
 * part, or a JSZip that keeps its files otherwise, is read through JSZip.
 */
async function bytesOf(file: JSZip.JSZipObject): Promise<Uint8Array> {
  const held = file as unknown as { _data?: unknown; _dataBinary?: boolean }
  if (held._dataBinary === false) {
    const text = await held._data
    if (typeof text === 'string') return utf8.encode(text)
  }
  return /\.(xml|rels)$/.test(file.name) ? utf8.encode(await file.async('string')) : file.async('uint8array')
}

/**
 * Gzip the bytes natively and take the gzip member apart (RFC 1952): its body is the raw
 * deflate stream a zip entry holds, and its trailer carries the CRC-32 a zip entry needs.
 */
async function gzipParts(bytes: Uint8Array): Promise<{ crc: number; deflated: Uint8Array }> {
  const stream = new CompressionStream('gzip')
  const writer = stream.writable.getWriter()
  void writer.write(bytes as Uint8Array<ArrayBuffer>)
  void writer.close()
  const gz = new Uint8Array(await new Response(stream.readable).arrayBuffer())
  const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength)
  const flags = gz[3]
  let start = 10
  if (flags & 0x04) start += 2 + view.getUint16(start, true) // FEXTRA
  if (flags & 0x08) start = gz.indexOf(0, start) + 1 // FNAME
  if (flags & 0x10) start = gz.indexOf(0, start) + 1 // FCOMMENT
  if (flags & 0x02) start += 2 // FHCRC
  const end = gz.length - 8
  if (view.getUint32(end + 4, true) !== (bytes.length >>> 0)) throw new Error('native gzip returned a member of the wrong length')
  return { crc: view.getUint32(end, true), deflated: gz.subarray(start, end) }
}

const LOCAL_HEADER = 30
const CENTRAL_HEADER = 46
const END_OF_CENTRAL = 22

/** Local headers and data, then the central directory, then its end record (no zip64: decks stay far below 4 GB and 65,535 parts). */
function assemble(entries: readonly Entry[]): Uint8Array {
  let size = END_OF_CENTRAL
  for (const e of entries) size += LOCAL_HEADER + CENTRAL_HEADER + 2 * e.name.length + e.data.length
  if (entries.length > 0xffff || size > 0xffffffff) throw new Error('deck too large for a zip without zip64')
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  const offsets: number[] = []
  let at = 0
  for (const e of entries) {
    offsets.push(at)
    view.setUint32(at, 0x04034b50, true)
    writeCommon(view, at + 4, e)
    out.set(e.name, at + LOCAL_HEADER)
    out.set(e.data, at + LOCAL_HEADER + e.name.length)
    at += LOCAL_HEADER + e.name.length + e.data.length
  }
  const centralStart = at
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true)
    view.setUint16(at + 4, 0x0014, true) // made by: MS-DOS, zip 2.0 (as JSZip writes)
    writeCommon(view, at + 6, e)
    // at + 32: comment length, disk number, internal attributes: 0
    view.setUint32(at + 38, e.dir ? 0x10 : 0, true) // external attributes: the DOS directory bit
    view.setUint32(at + 42, offsets[i], true)
    out.set(e.name, at + CENTRAL_HEADER)
    at += CENTRAL_HEADER + e.name.length
  })
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, entries.length, true)
  view.setUint16(at + 10, entries.length, true)
  view.setUint32(at + 12, at - centralStart, true)
  view.setUint32(at + 16, centralStart, true)
  return out
}

/** The fields a local header and a central directory record share, from "version needed" to "extra field length". */
function writeCommon(view: DataView, at: number, e: Entry): void {
  view.setUint16(at, e.method === DEFLATE ? 20 : 10, true)
  view.setUint16(at + 2, e.utf8Name ? 0x0800 : 0, true)
  view.setUint16(at + 4, e.method, true)
  view.setUint16(at + 6, dosTime(e.date), true)
  view.setUint16(at + 8, dosDate(e.date), true)
  view.setUint32(at + 10, e.crc, true)
  view.setUint32(at + 14, e.data.length, true)
  view.setUint32(at + 18, e.size, true)
  view.setUint16(at + 22, e.name.length, true)
  // at + 24: extra field length 0
}

// MS-DOS time and date in UTC, as JSZip writes them.
const dosTime = (d: Date) => (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1)
const dosDate = (d: Date) => ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate()
