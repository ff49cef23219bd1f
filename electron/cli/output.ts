import { basename, dirname, join, resolve, sep } from 'node:path'
import { errnoCode, type DurableFs, type FileData } from '../main/store/durable-fs'
import { syncFolder, writeFileDurably } from '../main/store/durable-write'
import type { CliFs } from './cli-fs'
import { fsReason, InputError } from './inputs'

export interface OutputRules {
  /** Replace a file already at the output. */
  force: boolean
  /** Files the command reads: the output must not be any of them, by any name. */
  inputs?: readonly string[]
  /** A data folder the command reads: nothing may be written inside it. */
  dataDir?: string
}

/** An output path that passed every check, ready for `writeOutput`. */
export interface CheckedOutput {
  /** As the user gave it, for messages. */
  given: string
  path: string
  force: boolean
  existed: boolean
}

/**
 * Decide, before any work, whether `out` may be written: its folder exists (the CLI never
 * makes folders), it is not a file the command reads (compared by dev + ino and by real
 * path, so `./X`, a symlink, a hard link or another case on a case-insensitive disk are all
 * caught), it is not inside the data folder, and it is replaced only with `force`.
 */
export async function checkOutput(fs: CliFs, out: string, rules: OutputRules): Promise<CheckedOutput> {
  try {
    return await check(fs, out, rules)
  } catch (e) {
    if (e instanceof InputError) throw e
    throw new InputError(`Cannot write ${out}: ${fsReason(e)}`)
  }
}

async function check(fs: CliFs, out: string, rules: OutputRules): Promise<CheckedOutput> {
  const path = resolve(out)
  const folder = dirname(path)
  const refuse = (reason: string) => new InputError(`Cannot write ${out}: ${reason}`)
  try {
    const folderInfo = await fs.stat(folder)
    if (!folderInfo.isDirectory()) throw refuse(`${folder} is not a folder`)
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = errnoCode(e)
    if (code === 'ENOENT') throw refuse(`the folder ${folder} does not exist`)
    if (code === 'ENOTDIR') throw refuse(`a part of ${folder} is not a folder`)
    throw refuse(fsReason(e))
  }

  const [target, link] = await Promise.all([fs.stat(path).catch(orMissing), fs.lstat(path).catch(orMissing)])
  const realFolder = await fs.realpath(folder)
  const realPath = target ? await fs.realpath(path) : join(realFolder, basename(path))

  if (rules.dataDir !== undefined) {
    const realData = await fs.realpath(rules.dataDir).catch(() => resolve(rules.dataDir!))
    if (within(realPath, realData) || within(realFolder, realData)) {
      throw refuse(`it is inside the data folder ${rules.dataDir}; choose a file outside it`)
    }
  }
  for (const input of rules.inputs ?? []) {
    const inputInfo = await fs.stat(input).catch(orMissing)
    if (!inputInfo || !target) continue
    const sameInode = inputInfo.ino !== 0 && inputInfo.dev === target.dev && inputInfo.ino === target.ino
    if (sameInode || (await fs.realpath(input).catch(() => null)) === realPath) {
      throw refuse(`it is the deal file being exported (${input}); choose another file`)
    }
  }
  if (target?.isDirectory()) throw refuse('it is a folder')
  if (target && !target.isFile()) throw refuse('it is not a regular file')
  if (link && !rules.force) throw new InputError(`${out} exists; use --force to replace it`)
  return { given: out, path, force: rules.force, existed: link !== null }
}

/**
 * Write the output so that no moment leaves a half file under its name: the bytes go to a
 * temp file beside it, are fsynced, and only then take the name. With `force` that is a
 * rename over the old file, so the old file is replaced only once the new one is complete
 * and a full disk or a crash leaves the old one whole. Without `force` the name is taken
 * with a hard link, which fails if a file appeared there since `checkOutput`; where the disk
 * has no hard links, the check is repeated just before a rename.
 */
export async function writeOutput(fs: CliFs, out: CheckedOutput, data: FileData): Promise<void> {
  const folder = dirname(out.path)
  const durable = noNewFolders(fs)
  try {
    if (out.force) {
      await writeFileDurably(durable, out.path, data)
      return
    }
    const staged = join(folder, `.${basename(out.path)}.${process.pid}.${Date.now()}.staged.tmp`)
    await writeFileDurably(durable, staged, data)
    try {
      await placeWithoutReplacing(fs, staged, out)
    } finally {
      await fs.unlink(staged).catch(() => undefined)
    }
    await syncFolder(fs, folder)
  } catch (e) {
    if (e instanceof InputError) throw e
    const kept = out.existed && out.force ? `; ${out.given} was left as it was` : ''
    throw new InputError(`Cannot write ${out.given}: ${fsReason(e)}${kept}`)
  }
}

async function placeWithoutReplacing(fs: CliFs, staged: string, out: CheckedOutput): Promise<void> {
  try {
    await fs.link(staged, out.path)
    return
  } catch (e) {
    const code = errnoCode(e)
    if (code === 'EEXIST') throw new InputError(`${out.given} exists; use --force to replace it`)
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw e
  }
  if (await fs.lstat(out.path).catch(orMissing)) throw new InputError(`${out.given} exists; use --force to replace it`)
  await fs.rename(staged, out.path)
}

/** The durable writer makes a missing folder; the CLI must not, so a vanished folder is an error. */
function noNewFolders(fs: CliFs): DurableFs {
  return {
    ...fs,
    async mkdir(path) {
      const info = await fs.stat(path)
      if (!info.isDirectory()) throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR' })
      return undefined
    },
  }
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)
}

function orMissing(error: unknown): null {
  if (['ENOENT', 'ENOTDIR'].includes(errnoCode(error) ?? '')) return null
  throw error
}
