import * as nodeFs from 'node:fs/promises'

/** A file's content: text, its UTF-8 bytes, or those bytes in pieces (written in order). */
export type FileData = string | Uint8Array | readonly Uint8Array[]

/** The slice of an open file the durable writer needs (node's FileHandle fits). */
export interface DurableHandle {
  writeFile(data: string | Uint8Array): Promise<void>
  /** Gathered write at the current position; without it, pieces are joined and written with `writeFile`. */
  writev?(buffers: readonly Uint8Array[]): Promise<{ bytesWritten: number }>
  sync(): Promise<void>
  /**
   * fdatasync: the bytes and what is needed to read them back (size, blocks), not times.
   * The durable writer uses it for a fresh temp file when the handle has it (node's does).
   */
  datasync?(): Promise<void>
  close(): Promise<void>
  /** fstat: the open file's size, time and inode (the durable writer's stamp of what it wrote). */
  stat?(): Promise<{ size: number; mtimeMs: number; ino?: number }>
  /** Read at `position`, not at the handle's own offset (the durable writer rereads a file it holds). */
  read?(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>
}

/**
 * The file-system calls the store makes. `node:fs/promises` fits; tests pass a wrapper
 * that injects ENOSPC/EACCES/EROFS or records the order of fsyncs and renames.
 */
export interface DurableFs {
  readFile(path: string): Promise<Uint8Array>
  open(path: string, flags: string): Promise<DurableHandle>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdir(path: string, options: { recursive: true }): Promise<unknown>
  readdir(path: string): Promise<string[]>
  stat(path: string): Promise<{ size: number; mtimeMs: number; ino?: number }>
}

export const nodeDurableFs: DurableFs = {
  readFile: (path) => nodeFs.readFile(path),
  open: (path, flags) => nodeFs.open(path, flags),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
  mkdir: (path, options) => nodeFs.mkdir(path, options),
  readdir: (path) => nodeFs.readdir(path),
  stat: (path) => nodeFs.stat(path),
}

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

export async function readTextIfExists(fs: DurableFs, path: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await fs.readFile(path))
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
}

export async function listDir(fs: DurableFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return []
    throw error
  }
}
