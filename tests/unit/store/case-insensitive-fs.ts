import { readdir } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { nodeDurableFs, type DurableFs } from '../../../electron/main/store'

/**
 * The real fs under `root`, but case-insensitive and case-preserving like the default disks
 * of macOS (APFS) and Windows (NTFS): each path component matches an existing entry whatever
 * its case; a new entry keeps the case it was created with.
 */
export function caseInsensitiveFs(root: string): DurableFs {
  async function real(path: string): Promise<string> {
    const rel = relative(root, path)
    if (rel.startsWith('..') || rel === '') return path
    let current = root
    for (const part of rel.split(sep)) {
      const names = await readdir(current).catch(() => [] as string[])
      current = join(current, names.find((n) => n.toLowerCase() === part.toLowerCase()) ?? part)
    }
    return current
  }
  return {
    readFile: async (path) => nodeDurableFs.readFile(await real(path)),
    open: async (path, flags) => nodeDurableFs.open(await real(path), flags),
    async rename(from, to) {
      const [realFrom, realTo] = [await real(from), await real(to)]
      // A rename that changes only the case renames the one entry (APFS and NTFS allow it).
      if (realFrom === realTo) return nodeDurableFs.rename(realFrom, join(dirname(realTo), basename(to)))
      return nodeDurableFs.rename(realFrom, realTo)
    },
    unlink: async (path) => nodeDurableFs.unlink(await real(path)),
    mkdir: async (path, options) => nodeDurableFs.mkdir(await real(path), options),
    readdir: async (path) => nodeDurableFs.readdir(await real(path)),
    stat: async (path) => nodeDurableFs.stat(await real(path)),
  }
}
