import { createHash } from 'node:crypto'
import { errnoCode, type DurableFs, type FileData } from './durable-fs'
import type { TargetFile } from './held-target'

interface Known {
  size: number
  mtimeMs: number
  /** sha-256 of the bytes, the proof when size or time differ (a sync tool touching a file changes its time only). */
  hash?: string
  /**
   * What we wrote, until its hash is first needed: hashing every save cost ~1.5 ms per MB
   * (bench: save row), and most saves never need it. The pieces are mostly the validator's
   * cached per-person bytes, so holding them costs little.
   */
  written?: FileData
}

export type Comparison =
  /** This process never read nor wrote the file. */
  | { status: 'unknown' }
  /** The file holds what we last read or wrote. */
  | { status: 'same' }
  | { status: 'missing' }
  /** Another program changed the file: its bytes now. */
  | { status: 'changed'; bytes: Uint8Array; stamp: { size: number; mtimeMs: number } }

export function sha256(data: FileData): string {
  const hash = createHash('sha256')
  if (typeof data === 'string' || data instanceof Uint8Array) hash.update(data)
  else for (const piece of data) hash.update(piece)
  return hash.digest('hex')
}

/**
 * What this process last read from or wrote to each file (size, modification time, content
 * hash), so that a write can first check that nobody else changed the file meanwhile. Only
 * when size or time differ is the file read and hashed; a normal save costs one stat.
 */
export class KnownVersions {
  private readonly known = new Map<string, Known>()

  constructor(private readonly fs: DurableFs) {}

  /** `bytes` were read from `path`, whose stat (taken before the read) was `stamp`. */
  rememberRead(path: string, stamp: { size: number; mtimeMs: number }, bytes: Uint8Array): void {
    this.known.set(path, { size: stamp.size, mtimeMs: stamp.mtimeMs, hash: sha256(bytes) })
  }

  /** `data` was just written to `path` by us; `stamp`, when given, is the written file's own (else it is stat'ed). */
  async rememberWritten(path: string, data: FileData, stamp?: { size: number; mtimeMs: number } | null): Promise<void> {
    try {
      const { size, mtimeMs } = stamp ?? (await this.fs.stat(path))
      this.known.set(path, { size, mtimeMs, written: data })
    } catch {
      this.known.delete(path)
    }
  }

  forget(path: string): void {
    this.known.delete(path)
  }

  /**
   * The file at `path` against what we last read or wrote there. A write's check passes the
   * file it is about to replace (`target`, held open; null when there is none), so that what
   * is compared is what gets replaced.
   */
  async compare(path: string, target?: TargetFile | null): Promise<Comparison> {
    const known = this.known.get(path)
    const file: TargetFile | null = target === undefined ? { identity: () => this.fs.stat(path), read: () => this.fs.readFile(path) } : target
    let stamp: { size: number; mtimeMs: number }
    try {
      if (!file) throw Object.assign(new Error('no file'), { code: 'ENOENT' })
      stamp = await file.identity()
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return known ? { status: 'missing' } : { status: 'unknown' }
      throw error
    }
    if (!known) return { status: 'unknown' }
    // A time in whole tens of milliseconds hints at a coarse clock (FAT, some network
    // shares), where an outside edit of the same size can keep the time: check the bytes.
    const coarse = stamp.mtimeMs % 10 === 0
    if (!coarse && stamp.size === known.size && stamp.mtimeMs === known.mtimeMs) return { status: 'same' }
    const bytes = await file.read()
    const knownHash = (known.hash ??= sha256(known.written!))
    known.written = undefined
    if (bytes.byteLength === known.size && sha256(bytes) === knownHash) {
      this.known.set(path, { size: stamp.size, mtimeMs: stamp.mtimeMs, hash: knownHash })
      return { status: 'same' }
    }
    return { status: 'changed', bytes, stamp: { size: stamp.size, mtimeMs: stamp.mtimeMs } }
  }
}
