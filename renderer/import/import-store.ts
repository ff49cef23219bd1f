import { create } from 'zustand'
import type { ImportPreview } from '@shared/ipc'

export type ImportDialog =
  | { kind: 'deal'; fileName: string; text: string; preview: ImportPreview }
  /** `pasted`: rows pasted into the people table (tab-separated, the header row optional). */
  | { kind: 'csv'; fileName: string; text: string; pasted?: boolean }

export interface ImportState {
  dialog: ImportDialog | null
  /** A file that could not be read or is not ours, shown until dismissed. */
  error: {
    fileName: string
    message: string
    issues?: Array<{ path: string; message: string }>
    /** Why a file was refused at the door (too-large, empty, wrong-kind), said in the user's language. */
    reason?: string
  } | null
  show(dialog: ImportDialog): void
  fail(error: ImportState['error']): void
  close(): void
}

export const useImportStore = create<ImportState>()((set) => ({
  dialog: null,
  error: null,
  show: (dialog) => set({ dialog, error: null }),
  fail: (error) => set({ error, dialog: null }),
  close: () => set({ dialog: null, error: null }),
}))
