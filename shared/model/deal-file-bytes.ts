import type { DealFile } from './deal-file'
import type { Stakeholder } from './stakeholder'
import { nestedJson, objectText, pad } from './json-text'
import { type ByPosition, rederive } from './by-position'

/** What a deal's last file was built from, position by position: its people's bytes and seller mentions. */
export interface Derived {
  pieces?: ByPosition<unknown, Uint8Array>
  /** The deal's and the file's other fields: the value each last held and its bytes. */
  fields?: Map<string, { value: unknown; bytes: Uint8Array }>
  sellers?: { mentions: ByPosition<Stakeholder, readonly string[]>; counts: Map<string, number> }
}

/**
 * A deal file's text, `JSON.stringify(file, null, 2) + '\n'` in UTF-8, in pieces (docs/performance.md,
 * "Save, part 5"): each validated, frozen person's bytes are made once per version of that person
 * and kept with it; a remembered deal's other fields once per value; positions whose person is
 * the one of the deal's last file are not even looked up (by-position.ts).
 */
export class DealFileBytes {
  private readonly encoder = new TextEncoder()

  constructor(
    /** The validator's: validated, frozen values → their bytes (null until first needed). */
    private readonly validated: WeakMap<object, Uint8Array | null>,
    /** What a deal's last file was built from, for a deal the validator remembers; else undefined. */
    private readonly derivedOf: (dealId: string) => Derived | undefined,
  ) {}

  /** The file's bytes in order, for a gathered write (no 1 MB copy per save). */
  filePieces(file: DealFile): Uint8Array[] {
    const pieces: Array<string | Uint8Array> = []
    const dealId = (file.deal as { id?: unknown } | null)?.id
    objectText(file as unknown as Record<string, unknown>, 0, pieces, (key, value, depth) => {
      if (key !== 'deal') {
        pieces.push(this.fieldPiece(dealId, key, value, depth))
        return true
      }
      objectText(value as Record<string, unknown>, depth, pieces, (dealKey, people, d) => {
        if (dealKey === 'links') {
          pieces.push(this.cachedBytes(people, d, 2, false))
          return true
        }
        if (dealKey !== 'stakeholders' || !Array.isArray(people) || people.length === 0) {
          pieces.push(this.fieldPiece(dealId, dealKey, people, d))
          return true
        }
        pieces.push('[\n')
        // Each person's bytes are kept with the ",\n" before them, the first person's a view
        // past it: one piece per person, not two (docs/performance.md, "Save, part 5").
        const joined = this.peoplePieces((value as { id?: unknown }).id, people, d + 1)
        joined.forEach((bytes, i) => pieces.push(i === 0 ? bytes.subarray(2) : bytes))
        pieces.push('\n' + pad(d) + ']')
        return true
      })
      return true
    })
    pieces.push('\n')
    return pieces.map((p) => (typeof p === 'string' ? this.encoder.encode(p) : p))
  }

  /**
   * Each person's bytes after the ",\n" that joins it to the one before, made again only for
   * positions whose person is not the one of this deal's last serialisation. The positions are
   * kept only while every person in them is a validated, frozen one (`cachedBytes` kept its
   * bytes): anything else could change in place.
   */
  private peoplePieces(dealId: unknown, people: readonly unknown[], depth: number): readonly Uint8Array[] {
    const derived = typeof dealId === 'string' && depth === 3 ? this.derivedOf(dealId) : undefined
    const now = rederive(derived?.pieces, people, (person) => this.cachedBytes(person, depth, 3, true, ',\n'))
    if (derived) derived.pieces = now.changed.every(({ index }) => this.validated.get(people[index] as object) === now.values[index]) ? now : undefined
    return now.values
  }

  /**
   * A field's JSON at \`depth\`, kept per deal while the field holds the same value (a
   * primitive, or a frozen object): an autosave's deal fields and roster are the last
   * version's own values when unchanged (\`shellOf\`, \`fileOf\`), so they are not written
   * out again.
   */
  private fieldPiece(dealId: unknown, key: string, value: unknown, depth: number): Uint8Array {
    const derived = typeof dealId === 'string' ? this.derivedOf(dealId) : undefined
    const slot = `${depth}:${key}`
    const last = derived?.fields?.get(slot)
    if (last && last.value === value) return last.bytes
    const bytes = this.encoder.encode(nestedJson(value, depth))
    if (derived && (typeof value !== 'object' || value === null || Object.isFrozen(value))) (derived.fields ??= new Map()).set(slot, { value, bytes })
    return bytes
  }

  /**
   * `value`'s JSON as it reads `depth` levels deep (its first line indented or not), kept
   * for validated values at the depth they always have in a deal file (`cacheDepth`).
   */
  private cachedBytes(value: unknown, depth: number, cacheDepth: number, indentFirst: boolean, before = ''): Uint8Array {
    const cached = typeof value === 'object' && value !== null ? this.validated.get(value) : undefined
    if (cached && depth === cacheDepth) return cached
    const bytes = this.encoder.encode(before + (indentFirst ? pad(depth) : '') + nestedJson(value, depth))
    if (cached === null && depth === cacheDepth) this.validated.set(value as object, bytes)
    return bytes
  }
}
