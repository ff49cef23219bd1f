import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ChannelInput, Channel, ChannelResults, ImportPreview } from '@shared/ipc'
import { createHandlers } from '../../main/handlers'
import { invokeChannel } from '../../main/ipc'
import type { CliCommand, CliIo } from '../command'
import { recordImportInSharedDeal } from '../../collab/shared-import'
import { openStores } from '../../main/store'
import { InputError, readArgs, runCommand, UsageError } from '../inputs'

/**
 * `war-room import FILE --data DIR [--as-copy | --replace]`
 *
 * Runs the app's own import: the handlers main registers, called through the same argument
 * checks, so the size cap, the validation, the seller matching and the backup of a replaced
 * deal are exactly what the File → Import deal… menu does.
 * Exit codes: 0 imported; 1 refused (invalid or too large a file, an id already there
 * without a choice, not a data folder); 2 bad usage.
 */
export const IMPORT_USAGE = `Usage: war-room import FILE --data DIR [--as-copy | --replace]

Imports a deal file (.warroom.json) into the app's data folder DIR, as File → Import deal…
does: the file is checked, its sellers are matched to the roster by email, then by name,
and the preview is printed before anything is written.
  --as-copy   when the deal is already in DIR, import it as a copy with its own id
  --replace   when the deal is already in DIR, replace it (the replaced version is kept
              as a backup, restorable with Restore from backup…)
A deal that is already there and neither option given is refused (exit 1).
`

interface Options {
  file: string
  dataDir: string
  mode?: 'copy' | 'replace'
}

const MATCH_WORDS: Record<ImportPreview['sellers'][number]['match'], string> = {
  email: 'matched by email',
  name: 'matched by name',
  new: 'new to the roster',
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, IMPORT_USAGE, () => parseArgs(argv), async (options) => {
    await assertDataFolder(options.dataDir)
    const file = resolve(options.file)
    // The picker answers with FILE: it is read exactly as a file chosen in the app is.
    const handlers = createHandlers({ dataDir: options.dataDir, dialogs: { openFile: async () => file, saveFile: async () => null } })
    const call = async <K extends Channel>(channel: K, ...args: ChannelInput<K>): Promise<ChannelResults[K]> => {
      const result = await invokeChannel(handlers, channel, args)
      if (!result.ok) throw new InputError(`${options.file}: ${result.error.message}`, result.error.issues)
      return result.value as ChannelResults[K]
    }

    for (const notice of (await call('workspace:load')).notices) io.stderr(`${notice.level}: ${notice.message}\n`)
    const { text } = await call('file:pick-text', 'json')
    const preview = await call('deal:import-preview', text)
    io.stdout(describePreview(preview))
    if (preview.exists && !options.mode) {
      throw new InputError(
        `The deal "${preview.deal.name}" (${preview.deal.id}) is already in ${options.dataDir}. Nothing was changed: choose --as-copy to keep both, or --replace to replace it (its current version is kept as a backup).`,
      )
    }
    const replacing = preview.exists && options.mode === 'replace'
    const deal = await call('deal:import', text, { asCopy: options.mode === 'copy' })
    if (replacing) {
      const [backup] = await call('deal:backups', deal.id)
      io.stdout(`Replaced ${deal.id}; the replaced version is kept as backup ${backup?.id ?? '(none)'}\n`)
      const shared = await recordInSharedDeal(options.dataDir, deal.id)
      if (shared) io.stdout(shared.length ? `The deal is shared: changes to ${shared.filter((t) => !t.startsWith('field:')).join(', ')} recorded as field-level edits; war-room sync sends them\n` : 'The deal is shared: nothing changed\n')
    } else {
      io.stdout(`Imported as ${deal.id}${deal.name !== preview.deal.name ? ` ("${deal.name}")` : ''}\n`)
    }
    return 0
  }, 20)
}

function parseArgs(argv: readonly string[]): Options {
  let dataDir: string | undefined
  let mode: Options['mode']
  const choose = (flag: string, next: Options['mode']) => {
    if (mode && mode !== next) throw new UsageError('Give either --as-copy or --replace, not both')
    mode = next
    return flag.length > 0
  }
  const positional = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--data': dataDir = value(); return true
      case '--as-copy': return choose(flag, 'copy')
      case '--replace': return choose(flag, 'replace')
      default: return false
    }
  })
  if (positional.length !== 1) throw new UsageError(positional.length ? 'Give one deal file at a time' : 'Give the deal FILE to import')
  if (!dataDir) throw new UsageError('Give the data folder to import into with --data DIR')
  return { file: positional[0], dataDir, mode }
}

/**
 * A shared deal's import is also written into its local doc as field-level edits (only what
 * changed), so colleagues' concurrent edits to other fields survive the next sync.
 */
async function recordInSharedDeal(dataDir: string, dealId: string): Promise<string[] | null> {
  const loaded = await openStores(dataDir).deals.load(dealId)
  if (loaded.status !== 'ok') throw new InputError(`The imported deal ${dealId} cannot be read back (${loaded.status})`)
  try {
    return await recordImportInSharedDeal(dataDir, loaded.value)
  } catch (error) {
    throw new InputError(`${(error as Error).message}. The deal file was replaced; its previous version is kept as a backup.`)
  }
}

/** Only into a folder the app already uses: a typo must not create a new workspace with the sample deal in it. */
async function assertDataFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null)
  if (!info?.isDirectory()) throw new InputError(`${dir} is not a folder`)
  const has = async (name: string) => (await stat(join(dir, name)).catch(() => null)) !== null
  if (!(await has('workspace.json')) && !(await has('deals'))) {
    throw new InputError(`${dir} is not a Deal War Room data folder (it has no workspace.json or deals/). Open the app with it once, or give the right --data.`)
  }
}

function describePreview(preview: ImportPreview): string {
  const { deal, sellers } = preview
  const lines = [
    `Deal: ${deal.name}${deal.customer ? ` (${deal.customer})` : ''} — id ${deal.id}${preview.exists ? ', already in the data folder' : ''}`,
    `Contents: ${deal.stakeholders} stakeholders, ${deal.links} lines, ${deal.seats} seats`,
    sellers.length ? `Sellers:\n${sellers.map((s) => `  ${s.name}: ${MATCH_WORDS[s.match]}`).join('\n')}` : 'Sellers: none in the file',
  ]
  return `${lines.join('\n')}\n`
}

export const importDeal: CliCommand = { summary: 'Import a deal file into a data folder, as the app does', run: (argv, io) => importCommand(argv, io) }
