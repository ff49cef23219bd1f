import { join } from 'node:path'
import { sameId } from '@shared/file-names'
import type { CliCommand, CliIo } from '../command'
import { InputError, readArgs, requireDataDir, runCommand, UsageError } from '../inputs'
import { askIdentity } from '../../collab/identity'
import { DealSync, SyncRefused } from '../../collab/deal-sync'
import { SharedDealFiles, sharedDealStems } from '../../collab/local-files'
import { describeStatus } from '../../collab/status'
import { indexEntryOf, withSellersOf } from '../../main/handlers/workspace-setup'
import { openStores } from '../../main/store'
import { dealIdOfDocument } from '../../server/document-files'

export const SYNC_USAGE = `Usage: war-room sync --server URL --token TOKEN --data DIR [--deal ID] [--timeout SECONDS]

Syncs the shared deals of the data folder DIR with the collaboration server, both ways.
  --deal ID     also share this deal (seeded on the server the first time), or join it
                when it is on the server and not in DIR
  --timeout S   give up on a server that does not answer after S seconds (default 30)
Exit codes: 0 every deal in sync; 1 a deal was refused (wrong token, a viewer's changes,
an invalid state from the server, unreachable), with the reason; 2 bad usage.
`

interface Options {
  serverUrl: string
  token: string
  dataDir: string
  dealId?: string
  timeoutMs: number
}

export async function syncCommand(argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, SYNC_USAGE, () => parseArgs(argv), async (options) => {
    await requireDataDir(options.dataDir)
    const ids = await dealsToSync(options)
    if (ids.length === 0) throw new InputError(`No shared deals in ${options.dataDir}; give --deal ID to share one`)
    const stores = openStores(options.dataDir)
    const workspace = await stores.workspace.load()
    if (workspace.status !== 'ok') throw new InputError(`${join(options.dataDir, 'workspace.json')} cannot be used (${workspace.status}); open the data folder in the app once`)
    let failed = 0
    // Its edits (an import --replace) are signed with the token's name: the server checks it.
    const known = await askIdentity(options.serverUrl, options.token)
    const signed = known && known !== 'bad-token' ? { name: known.name, email: known.email } : { name: 'war-room sync', email: '' }
    for (const dealId of ids) {
      const sync = new DealSync({ dataDir: options.dataDir, dealId, serverUrl: options.serverUrl, token: options.token, stores, user: { ...signed, color: '#808080' }, logDebounceMs: 0, projectionDebounceMs: 0 })
      let outcome: string
      try {
        await sync.start()
        await withTimeout(sync.whenInSync(), options.timeoutMs)
        await sync.flush()
        const file = sync.file()
        await stores.workspace.update((ws) => ({
          ...ws,
          roster: withSellersOf(ws.roster, file.roster),
          deals: [indexEntryOf(file.deal), ...ws.deals.filter((d) => d.id !== file.deal.id)],
        }))
        outcome = `${describeStatus(sync.status)} (${file.deal.stakeholders.length} people)`
      } catch (error) {
        failed++
        outcome = error instanceof SyncRefused || error instanceof TimedOut ? describeStatus(sync.status.kind === 'refused' ? sync.status : { kind: 'refused', reason: 'unreachable' }) : `failed: ${(error as Error).message}`
      } finally {
        await sync.stop().catch((error: unknown) => {
          failed++
          io.stderr(`${dealId}: could not write its files (${(error as Error).message})\n`)
        })
      }
      ;(outcome.startsWith('refused') || outcome.startsWith('failed') ? io.stderr : io.stdout)(`${dealId}: ${outcome}\n`)
    }
    return failed ? 1 : 0
  })
}

/** Every shared deal of the folder on this server, plus `--deal`. A deal shared on another server is refused. */
async function dealsToSync(options: Options): Promise<string[]> {
  const ids: string[] = []
  for (const stem of await sharedDealStems(options.dataDir)) {
    let share
    try {
      share = await new SharedDealFiles(options.dataDir, stem).readShare()
    } catch (error) {
      throw new InputError((error as Error).message)
    }
    const id = share && dealIdOfDocument(share.documentName)
    if (!share || !id) continue
    if (share.serverUrl !== options.serverUrl) {
      if (options.dealId && sameId(options.dealId, id)) throw new InputError(`The deal ${id} is shared on ${share.serverUrl}, not ${options.serverUrl}; leave that share first`)
      continue
    }
    ids.push(id)
  }
  if (options.dealId && !ids.some((id) => sameId(id, options.dealId!))) ids.push(options.dealId)
  return ids
}

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new TimedOut()), ms)))]).finally(() => clearTimeout(timer))
}

function parseArgs(argv: readonly string[]): Options {
  let serverUrl: string | undefined
  let token: string | undefined
  let dataDir: string | undefined
  let dealId: string | undefined
  let timeoutMs = 30_000
  const rest = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--server': serverUrl = value(); return true
      case '--token': token = value(); return true
      case '--data': dataDir = value(); return true
      case '--deal': dealId = value(); return true
      case '--timeout': {
        const text = value()
        if (!/^\d{1,5}$/.test(text) || Number(text) === 0) throw new UsageError(`--timeout must be a whole number of seconds, not ${text}`)
        timeoutMs = Number(text) * 1000
        return true
      }
      default: return false
    }
  })
  if (rest.length) throw new UsageError(`Unexpected argument ${rest[0]}`)
  if (!serverUrl || !/^wss?:\/\/[^\s]+$/.test(serverUrl)) throw new UsageError(serverUrl ? `--server must be a ws:// or wss:// URL, not ${serverUrl}` : 'Give the server with --server ws://HOST:PORT')
  if (!token) throw new UsageError('Give your token with --token TOKEN')
  if (!dataDir) throw new UsageError('Give the data folder with --data DIR')
  if (dealId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(dealId)) throw new UsageError(`--deal must be a deal id (letters, digits, - and _), not ${dealId}`)
  return { serverUrl, token, dataDir, dealId, timeoutMs }
}

export const sync: CliCommand = { summary: 'Sync the shared deals of a data folder with the collaboration server', run: (argv, io) => syncCommand(argv, io) }
