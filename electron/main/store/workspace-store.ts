import { basename, dirname, join } from 'node:path'
import { Low } from 'lowdb'
import { WorkspaceSchema, issuesOf, type Workspace } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { fileStamp } from './clock'
import { keepBackup, type StoreDeps } from './deal-file-store'
import { errnoCode } from './durable-fs'
import { DurableJSONFile, serializeJson } from './durable-json-file'
import { KnownVersions } from './known-versions'
import { WORKSPACE_BACKUP_KEY } from './paths'
import { loadWithRecovery, type Loaded } from './recovery'
import { withWriteSlot, type WriteSlot } from './serial-writer'
import { assertReadable } from './size-cap'
import { validateWorkspaceText } from './validators'

/**
 * `workspace.json`: settings, the roster of sellers, the deal index and recent deals.
 * Every change is read-modify-write inside the file's write slot: when the file is not what
 * this store last read or wrote (another handler table, another app instance on the same
 * folder), the fresh file is read and the change applied to it, so no update is lost.
 */
export class WorkspaceStore {
  private readonly known: KnownVersions
  /** The typed JSON document; written only from inside the file's write slot (see `write`). */
  private readonly db: Low<Workspace | null>
  /** The file's write slot while a change holds it; the document writes through it. */
  private slot: WriteSlot | null = null

  constructor(private readonly deps: StoreDeps) {
    this.known = new KnownVersions(deps.fs)
    this.db = new Low<Workspace | null>(new DurableJSONFile<Workspace | null>(deps.paths.workspace, deps.fs, { slot: () => this.slot }), null)
  }

  /** Run `task` holding workspace.json's write slot, the document writing through it. */
  private inSlot<T>(task: (slot: WriteSlot) => Promise<T>): Promise<T> {
    return withWriteSlot(this.deps.fs, this.path, async (slot) => {
      this.slot = slot
      try {
        return await task(slot)
      } finally {
        this.slot = null
      }
    })
  }

  private get data(): Workspace | null {
    return this.db.data
  }

  private set data(workspace: Workspace | null) {
    this.db.data = workspace
  }

  private get path(): string {
    return this.deps.paths.workspace
  }

  /** Load and validate from disk (recovering from backup if damaged). */
  async load(): Promise<Loaded<Workspace>> {
    const direct = await this.readValid()
    if (direct) {
      this.data = direct
      return { status: 'ok', value: direct, notices: [] }
    }
    const loaded = await loadWithRecovery(this.deps, { path: this.path, backupKey: WORKSPACE_BACKUP_KEY, subject: { kind: 'workspace' } }, validateWorkspaceText)
    if (loaded.status === 'ok') {
      this.data = loaded.value
      await this.known.rememberWritten(this.path, serializeJson(loaded.value)).catch(() => undefined)
    }
    return loaded
  }

  /** The workspace in memory; `load` (or `save`) must have run first. */
  get current(): Workspace {
    if (!this.data) throw new AppFailure('internal', 'The workspace is not loaded.')
    return this.data
  }

  get loaded(): boolean {
    return this.data !== null
  }

  /** Replace the whole workspace (first run, a rebuilt index). */
  async save(workspace: Workspace): Promise<void> {
    await this.inSlot(() => this.write(workspace))
  }

  /** Apply `change` to the workspace as it is on disk now and save, one update at a time. */
  update(change: (ws: Workspace) => Workspace): Promise<Workspace> {
    return this.inSlot(async (slot) => {
      await this.catchUp(slot)
      await this.write(change(structuredClone(this.current)))
      return this.current
    })
  }

  private async write(workspace: Workspace): Promise<void> {
    const checked = WorkspaceSchema.safeParse(workspace)
    if (!checked.success) throw new AppFailure('invalid-request', 'The workspace change is not valid and was not saved.', issuesOf(checked.error))
    const text = serializeJson(checked.data)
    assertReadable(text, 'The workspace file')
    const previous = this.data
    await guardWrite('the workspace', async () => {
      this.data = checked.data
      try {
        await this.db.write()
      } catch (error) {
        // What is on disk is unchanged; keep memory in step with it.
        this.data = previous
        throw error
      }
    })
    await this.known.rememberWritten(this.path, text)
    await keepBackup(this.deps.backups, WORKSPACE_BACKUP_KEY, text)
  }

  /** If someone else wrote workspace.json since we last read or wrote it, take theirs as the base. */
  private async catchUp(slot: WriteSlot): Promise<void> {
    const seen = await this.known.compare(this.path).catch(() => ({ status: 'unknown' as const }))
    if (seen.status !== 'changed') return
    const result = validateWorkspaceText(new TextDecoder().decode(seen.bytes))
    if (result.ok) {
      this.data = result.value
      this.known.rememberRead(this.path, seen.stamp, seen.bytes)
      return
    }
    // Not a valid workspace (half-synced, hand-edited): keep its bytes aside rather than write over them.
    const aside = join(dirname(this.path), `${basename(this.path, '.json')}.corrupt-${fileStamp(this.deps.clock())}.json`)
    try {
      await slot.moveTo(aside)
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw new AppFailure('damaged', `workspace.json was changed by another program and is not valid (${result.message}); it was left untouched.`)
    }
    console.warn(`workspace.json was changed outside the app and is not valid (${result.message}); it was set aside as ${basename(aside)}.`)
  }

  /** workspace.json read as it is, when valid: stat before the read, so the stamp never claims newer bytes. */
  private async readValid(): Promise<Workspace | null> {
    try {
      const stamp = await this.deps.fs.stat(this.path)
      const bytes = await this.deps.fs.readFile(this.path)
      const result = validateWorkspaceText(new TextDecoder().decode(bytes))
      if (!result.ok) return null
      this.known.rememberRead(this.path, stamp, bytes)
      return result.value
    } catch {
      return null
    }
  }
}
