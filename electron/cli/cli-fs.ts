import * as nodeFs from 'node:fs/promises'
import { nodeDurableFs, type DurableFs } from '../main/store/durable-fs'

/** What the CLI needs to know about a path: its kind, size and identity (dev + ino). */
export interface CliStats {
  size: number
  mtimeMs: number
  dev: number
  ino: number
  isFile(): boolean
  isDirectory(): boolean
}

/**
 * The file-system calls the CLI makes: the durable writer's, plus what it takes to tell two
 * spellings of one file apart (`stat`, `lstat`, `realpath`) and to place a file without
 * replacing one (`link`). `node:fs/promises` fits; tests inject ENOSPC or a racing writer.
 */
export interface CliFs extends DurableFs {
  stat(path: string): Promise<CliStats>
  lstat(path: string): Promise<CliStats>
  realpath(path: string): Promise<string>
  link(existing: string, newPath: string): Promise<void>
}

export const nodeCliFs: CliFs = {
  ...nodeDurableFs,
  stat: (path) => nodeFs.stat(path),
  lstat: (path) => nodeFs.lstat(path),
  realpath: (path) => nodeFs.realpath(path),
  link: (existing, newPath) => nodeFs.link(existing, newPath),
}
