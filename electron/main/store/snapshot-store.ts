import { z } from 'zod'
import type { Notice, SnapshotInfo } from '@shared/ipc'
import { DealFileSchema, Id, Name, newId, type DealFile } from '@shared/model'
import { AppFailure, guardWrite, loadIoFailure } from '../errors'
import { keepBackup, assertSafeId, type StoreDeps } from './deal-file-store'
import { serializeJson } from './durable-json-file'
import { writeSerialized } from './serial-writer'
import { snapshotBackupKey } from './paths'
import { loadWithRecovery } from './recovery'
import { validateJsonWith } from './validators'

export const MAX_SNAPSHOTS_PER_DEAL = 200

const SnapshotFileSchema = z.strictObject({
  format: z.literal('deal-war-room.snapshots'),
  version: z.literal(1),
  snapshots: z
    .array(z.strictObject({ id: Id, name: Name, createdAt: z.iso.datetime(), file: DealFileSchema }))
    .max(MAX_SNAPSHOTS_PER_DEAL),
})
type SnapshotFile = z.infer<typeof SnapshotFileSchema>
const validateSnapshots = validateJsonWith(SnapshotFileSchema, 'snapshot file')

/** Named, dated copies of a deal in `snapshots/<dealId>.json` (oldest dropped past the cap). */
export class SnapshotStore {
  constructor(private readonly deps: StoreDeps) {}

  async list(dealId: string): Promise<{ snapshots: SnapshotInfo[]; notices: Notice[] }> {
    const { file, notices } = await this.read(dealId)
    return { snapshots: file.snapshots.map(({ id, name, createdAt }) => ({ id, name, createdAt })).reverse(), notices }
  }

  async save(dealId: string, name: string, deal: DealFile): Promise<SnapshotInfo> {
    const { file, notices } = await this.read(dealId)
    if (notices.some((n) => n.level === 'error')) throw new AppFailure('damaged', 'The snapshot file of this deal is damaged; it was set aside. Try again to start a new one.')
    const info: SnapshotInfo = { id: newId(), name, createdAt: this.deps.clock().toISOString() }
    const next: SnapshotFile = { ...file, snapshots: [...file.snapshots, { ...info, file: deal }].slice(-MAX_SNAPSHOTS_PER_DEAL) }
    const text = serializeJson(next)
    await guardWrite('the snapshot', () => writeSerialized(this.deps.fs, this.deps.paths.snapshot(dealId), text))
    await keepBackup(this.deps.backups, snapshotBackupKey(dealId), text)
    return info
  }

  async get(dealId: string, snapshotId: string): Promise<{ info: SnapshotInfo; file: DealFile }> {
    const { file } = await this.read(dealId)
    const found = file.snapshots.find((s) => s.id === snapshotId)
    if (!found) throw new AppFailure('not-found', 'That snapshot does not exist.')
    return { info: { id: found.id, name: found.name, createdAt: found.createdAt }, file: found.file }
  }

  private async read(dealId: string): Promise<{ file: SnapshotFile; notices: Notice[] }> {
    assertSafeId(dealId)
    const empty: SnapshotFile = { format: 'deal-war-room.snapshots', version: 1, snapshots: [] }
    const loaded = await loadWithRecovery(this.deps, { path: this.deps.paths.snapshot(dealId), backupKey: snapshotBackupKey(dealId), label: `The snapshots of deal ${dealId}` }, validateSnapshots)
    if (loaded.status === 'ok') return { file: loaded.value, notices: loaded.notices }
    // Starting an empty file here would write over snapshots that are only held up by the disk.
    const io = loadIoFailure(loaded)
    if (io) throw io
    return { file: empty, notices: loaded.status === 'damaged' ? loaded.notices : [] }
  }
}
