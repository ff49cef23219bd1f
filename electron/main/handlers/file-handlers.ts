import { basename, join } from 'node:path'
import { fileStemOfId } from '@shared/file-names'
import type { HandlerTable } from '@shared/ipc'
import { decodeCsvBytes } from '@shared/import/decode-csv'
import { parseDealFile, toDealFile, newId, type Deal, type DealFile } from '@shared/model'
import { AppFailure, guardWrite, loadIoFailure } from '../errors'
import { planImport } from '@shared/import/plan-deal-import'
import { admitIncomingPath, admitIncomingText } from '../incoming-file'
import { isSafeExternalUrl } from '../security-policy'
import { serializeJson } from '../store/durable-json-file'
import { writeSerialized } from '../store/serial-writer'
import { readTextWithRetry, UnreadableFile } from '../store/read-retry'
import { archiveConflictCopy, scanDealsFolder } from './conflict-copies'
import type { HandlerContext, OpenKind, SaveKind } from './context'
import { indexEntryOf, withSellersOf } from './workspace-setup'

type FileHandlers = Pick<
  HandlerTable,
  | 'deal:export-file'
  | 'deal:export-raw'
  | 'deal:import-preview'
  | 'deal:import'
  | 'conflict:open-as-deal'
  | 'conflict:dismiss'
  | 'file:save' | 'file:pick-text' | 'clipboard:write-image' | 'app:open-external'
>

export function fileHandlers(ctx: HandlerContext): FileHandlers {
  const { stores, options } = ctx

  async function askSavePath(suggestedName: string, kind: SaveKind): Promise<string> {
    const path = await options.dialogs.saveFile(suggestedName, kind)
    if (!path) throw new AppFailure('cancelled', 'Saving was cancelled.')
    return path
  }

  async function writeChosenFile(suggestedName: string, kind: SaveKind, data: string | Uint8Array): Promise<{ path: string }> {
    const path = await askSavePath(suggestedName, kind)
    // Any size the page may send: an exported deck is not a file the app reads back.
    await guardWrite('the file', () => writeSerialized(ctx.fs, path, data, { maxBytes: Infinity }))
    return { path }
  }

  async function pickText(kinds: OpenKind[]): Promise<{ name: string; text: string }> {
    const path = await options.dialogs.openFile(kinds)
    if (!path) throw new AppFailure('cancelled', 'Opening a file was cancelled.')
    await admitIncomingPath(ctx.fs, path, kinds)
    let bytes: Uint8Array
    try {
      bytes = await ctx.fs.readFile(path)
    } catch (error) {
      throw new AppFailure('io', `The file could not be read (${(error as Error).message}).`)
    }
    const text = decodeIncoming(bytes, kinds)
    admitIncomingText(text) // it may have grown since it was measured
    return { name: basename(path), text }
  }

  /** A CRM export may be UTF-16, GBK or not text at all: decoded (or refused) before parsing. */
  function decodeIncoming(bytes: Uint8Array, kinds: OpenKind[]): string {
    if (!kinds.includes('csv')) return new TextDecoder().decode(bytes)
    const decoded = decodeCsvBytes(bytes)
    if (!decoded.ok) throw new AppFailure('invalid-file', decoded.message, undefined, `csv-${decoded.reason}`)
    return decoded.text
  }

  /** With `remember`, the deal store's validator keeps what it parsed, so saving it does not parse every person again. */
  function parseImport(text: string, remember = false): DealFile {
    admitIncomingText(text)
    const parsed = remember ? stores.deals.validator.parseFileText(text) : parseDealFile(text)
    if (!parsed.ok) throw new AppFailure('invalid-file', parsed.message, parsed.issues)
    return parsed.value
  }

  /** Import a deal file's text through the import plan (sellers matched, a copy gets a new id). */
  async function importDeal(text: string, asCopy: boolean, copySuffix?: string): Promise<Deal> {
    const ws = stores.workspace.current
    const plan = planImport(parseImport(text, true), ws.roster, new Set(ws.deals.map((d) => d.id)), asCopy, newId, copySuffix)
    const deal = { ...plan.deal, updatedAt: ctx.clock().toISOString() }
    // The plan remaps sellers (new objects): checked once more, people unchanged since the parse cost a lookup.
    const file = stores.deals.checkFile(toDealFile(deal, [...ws.roster, ...plan.newSellers]))
    // Not a copy: it may take the place of a stored deal (listed or not), whose bytes are backed up first.
    if (plan.deal.id === plan.preview.deal.id) await stores.deals.replace(file)
    else await stores.deals.save(file)
    await stores.workspace.update((w) => ({
      ...w,
      roster: withSellersOf(w.roster, plan.newSellers),
      deals: [indexEntryOf(deal), ...w.deals.filter((d) => d.id !== deal.id)],
    }))
    return deal
  }

  /** Only a file the deals list offers as a conflict copy can be opened or archived: never a deal's own file. */
  async function offeredCopy(file: string): Promise<void> {
    const { copies } = await scanDealsFolder(stores, new Set(stores.workspace.current.deals.map((d) => d.id)))
    if (!copies.some((c) => c.file === file)) throw new AppFailure('not-found', 'That file is not a conflict copy in the deals folder.')
  }

  async function loadForExport(id: string): Promise<DealFile> {
    await ctx.ready()
    const loaded = await stores.deals.load(id)
    if (loaded.status === 'ok') return toDealFile(loaded.value.deal, withSellersOf(stores.workspace.current.roster, loaded.value.roster))
    if (loaded.status === 'missing') throw new AppFailure('not-found', 'That deal does not exist.')
    const io = loadIoFailure(loaded)
    if (io) throw io
    throw new AppFailure('damaged', 'This deal is damaged; export its raw file instead.')
  }

  return {
    async 'deal:export-file'(id) {
      const file = await loadForExport(id)
      return writeChosenFile(`${fileNameOf(file.deal.name)}.warroom.json`, 'json', serializeJson(file))
    },

    async 'deal:export-raw'(id) {
      await ctx.ready()
      const bytes = await stores.deals.rawBytes(id)
      if (!bytes) throw new AppFailure('not-found', 'There is no file for that deal.')
      // The stem, not the raw id: `CON.raw.json` is a device name on Windows.
      return writeChosenFile(`${fileStemOfId(id)}.raw.json`, 'json', bytes)
    },

    async 'deal:import-preview'(text) {
      await ctx.ready()
      const ws = stores.workspace.current
      return planImport(parseImport(text), ws.roster, new Set(ws.deals.map((d) => d.id)), false, newId).preview
    },

    async 'deal:import'(text, { asCopy, copySuffix }) {
      await ctx.ready()
      return importDeal(text, asCopy, copySuffix)
    },

    async 'conflict:open-as-deal'(file, options) {
      await ctx.ready()
      await offeredCopy(file)
      const text = await readTextWithRetry(ctx.fs, join(stores.deps.paths.deals, file), stores.deps.sleep).catch((error: unknown) => {
        throw new AppFailure('io', `The copy could not be read (${error instanceof UnreadableFile ? error.code : (error as Error).message}).`, undefined, error instanceof UnreadableFile ? error.code : undefined)
      })
      if (text === null) throw new AppFailure('not-found', 'That copy is no longer in the deals folder.')
      // Imported before it is archived: a crash in between offers the copy again rather than losing it.
      const deal = await importDeal(text, true, options?.copySuffix)
      await guardWrite('the copy', () => archiveConflictCopy(stores, file))
      return deal
    },

    async 'conflict:dismiss'(file) {
      await ctx.ready()
      await offeredCopy(file)
      await guardWrite('the copy', () => archiveConflictCopy(stores, file))
      return null
    },

    'file:save'({ suggestedName, kind, data }) {
      return writeChosenFile(basename(suggestedName), kind, data)
    },

    'file:pick-text'(kind) {
      return pickText([kind])
    },

    async 'clipboard:write-image'(png) {
      if (!options.clipboard) throw new AppFailure('internal', 'Copying images is not available here.')
      await options.clipboard.writeImage(png)
      return null
    },

    async 'app:open-external'(url) {
      if (!isSafeExternalUrl(url)) throw new AppFailure('invalid-request', 'Only secure web links (https) can be opened.')
      if (!options.shell) throw new AppFailure('internal', 'Opening links is not available here.')
      await options.shell.openExternal(url)
      return null
    },
  }
}

/** A deal name as a file name every OS accepts. */
export function fileNameOf(name: string): string {
  const cleaned = [...name].map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('')
    .replace(/\s+/g, ' ').trim().slice(0, 80)
  return cleaned || 'deal'
}
