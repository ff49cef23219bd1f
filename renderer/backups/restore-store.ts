import { create } from 'zustand'
import type { BackupInfo } from '@shared/ipc'
import { api, messageOf, unwrap } from '../api'
import { useDealStore } from '../state/deal-store'

/**
 * The "Restore from backup…" dialog: list the open deal's backups, let the user pick one,
 * confirm, restore it through main and put the result on the map as one undoable step.
 */
export type RestorePhase = 'closed' | 'loading' | 'choosing' | 'confirming' | 'restoring' | 'restored'

export interface RestoreState {
  phase: RestorePhase
  dealId?: string
  dealName?: string
  backups: BackupInfo[]
  chosenId?: string
  error?: string
  open(): Promise<void>
  choose(id: string): void
  askToConfirm(): void
  back(): void
  restore(): Promise<void>
  /** Undo the restore: the deal store's history holds the map as it was. */
  undoRestore(): void
  close(): void
}

const CLOSED = { phase: 'closed' as const, dealId: undefined, dealName: undefined, backups: [], chosenId: undefined, error: undefined }

export const useRestoreStore = create<RestoreState>()((set, get) => ({
  ...CLOSED,

  async open() {
    const deal = useDealStore.getState().deal
    if (!deal) return
    set({ ...CLOSED, phase: 'loading', dealId: deal.id, dealName: deal.name })
    try {
      const backups = unwrap(await api.listBackups(deal.id))
      if (get().dealId !== deal.id) return // closed or reopened meanwhile
      set({ phase: 'choosing', backups, chosenId: backups.find((b) => b.valid)?.id })
    } catch (e) {
      set({ phase: 'choosing', backups: [], error: messageOf(e) })
    }
  },

  choose(id) {
    if (get().backups.some((b) => b.id === id && b.valid)) set({ chosenId: id, error: undefined })
  },

  askToConfirm() {
    if (get().chosenId) set({ phase: 'confirming' })
  },

  back() {
    set({ phase: 'choosing', error: undefined })
  },

  async restore() {
    const { dealId, chosenId } = get()
    if (!dealId || !chosenId) return
    set({ phase: 'restoring', error: undefined })
    const deals = useDealStore.getState()
    try {
      // Get pending edits to disk first, so main's copy of "before the restore" is the latest.
      await deals.flush()
      const restored = unwrap(await api.restoreBackup(dealId, chosenId))
      const current = useDealStore.getState()
      if (current.deal?.id !== dealId) throw new Error('The deal was closed while restoring.')
      // One step in the undo history, like any edit: Undo brings back what was on the map.
      const applied = current.dispatch({ type: 'replace-deal', deal: restored })
      if (!applied.ok) throw applied.error
      current.sealHistory()
      set({ phase: 'restored' })
    } catch (e) {
      set({ phase: 'confirming', error: messageOf(e) })
    }
  },

  undoRestore() {
    useDealStore.getState().undo()
    get().close()
  },

  close() {
    set({ ...CLOSED })
  },
}))

export function openRestoreDialog(): void {
  void useRestoreStore.getState().open()
}
