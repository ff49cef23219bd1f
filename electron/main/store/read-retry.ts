import { errnoCode, type DurableFs } from './durable-fs'

export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits between read attempts: five tries within about 0.75 s. A virus scanner, a backup
 * tool or a sync client holding the file (EBUSY, EACCES on Windows), too many open files
 * (EMFILE) and a flaky network drive (EIO, EAGAIN) usually let go within that time.
 */
export const READ_RETRY_WAITS_MS = [50, 100, 200, 400] as const

/** A read that failed after its retries: an io problem, never a verdict on the content. */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path} could not be read (${code})`)
    this.name = 'UnreadableFile'
  }
}

/**
 * The file's text, or null when it does not exist. Any other failure is retried with
 * backoff, then thrown as `UnreadableFile`: only bytes read whole can be judged damaged.
 */
export async function readTextWithRetry(fs: DurableFs, path: string, sleep: Sleep): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return new TextDecoder().decode(await fs.readFile(path))
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOENT') return null
      // A folder where the file should be is not transient.
      if (code === 'EISDIR' || attempt >= READ_RETRY_WAITS_MS.length) throw new UnreadableFile(path, code ?? (error as Error).message)
      await sleep(READ_RETRY_WAITS_MS[attempt])
    }
  }
}
