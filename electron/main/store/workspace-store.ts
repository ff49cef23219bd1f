import { Low } from 'lowdb'
import { WorkspaceSchema, issuesOf, type Workspace } from '@shared/model'
import { AppFailure, guardWrite } from '../errors'
import { keepBackup, type StoreDeps } from './deal-file-store'
import { DurableJSONFile, serializeJson } from './durable-json-file'
import { WORKSPACE_BACKUP_KEY } from './paths'
import { loadWithRecovery, type Loaded } from './recovery'
import { validateWorkspaceText } from './validators'

/**
 * `workspace.json`: settings, the roster of sellers, the deal index and recent deals.
 * Changes go through `update`, one at a time, so two concurrent edits never lose each other.
 */
export class WorkspaceStore {
  private readonly db: Low<Workspace | null>
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly deps: StoreDeps) {
    this.db = new Low<Workspace | null>(new DurableJSONFile<Workspace | null>(deps.paths.workspace, deps.fs), null)
  }

  /** Load and validate from disk (recovering from backup if damaged). */
  async load(): Promise<Loaded<Workspace>> {
    const loaded = await loadWithRecovery(this.deps, { path: this.deps.paths.workspace, backupKey: WORKSPACE_BACKUP_KEY, label: 'The workspace file workspace.json' }, validateWorkspaceText)
    if (loaded.status === 'ok') this.db.data = loaded.value
    return loaded
  }

  /** The workspace in memory; `load` (or `save`) must have run first. */
  get current(): Workspace {
    if (!this.db.data) throw new AppFailure('internal', 'The workspace is not loaded.')
    return this.db.data
  }

  get loaded(): boolean {
    return this.db.data !== null
  }

  async save(workspace: Workspace): Promise<void> {
    const checked = WorkspaceSchema.safeParse(workspace)
    if (!checked.success) throw new AppFailure('invalid-request', 'The workspace change is not valid and was not saved.', issuesOf(checked.error))
    const previous = this.db.data
    await guardWrite('the workspace', async () => {
      this.db.data = checked.data
      try {
        await this.db.write()
      } catch (error) {
        // What is on disk is unchanged; keep memory in step with it.
        this.db.data = previous
        throw error
      }
    })
    await keepBackup(this.deps.backups, WORKSPACE_BACKUP_KEY, () => serializeJson(checked.data))
  }

  /** Apply `change` to the current workspace and save, serialized with other updates. */
  update(change: (ws: Workspace) => Workspace): Promise<Workspace> {
    const run = this.queue.then(async () => {
      const next = change(structuredClone(this.current))
      await this.save(next)
      return this.current
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}
