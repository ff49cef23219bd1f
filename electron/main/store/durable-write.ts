import { basename, dirname, join } from 'node:path'
import { errnoCode, type DurableFs } from './durable-fs'

let tempCounter = 0

/**
 * Replace `path` with `data` so that a crash or power cut at any moment leaves either the
 * old file or the new one, never a mix: write a temp file beside it, fsync it, rename it
 * over the target, then fsync the folder so the rename itself is on disk.
 */
export async function writeFileDurably(fs: DurableFs, path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await fs.mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`)
  try {
    const handle = await fs.open(temp, 'w')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(fs, dir)
}

/** fsync a folder so a rename in it survives a power cut. Windows cannot open folders. */
export async function syncFolder(fs: DurableFs, dir: string): Promise<void> {
  let handle
  try {
    handle = await fs.open(dir, 'r')
  } catch (error) {
    if (process.platform === 'win32' && ['EISDIR', 'EPERM', 'EACCES'].includes(errnoCode(error) ?? '')) return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR'].includes(errnoCode(error) ?? '')) throw error
  } finally {
    await handle.close()
  }
}

/** A temp file left behind by a write that never finished (crash, kill). */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp')
}
