import { create } from 'zustand'
import type { CollabState } from '@shared/ipc'

/** The open deal's sharing: main's last pushed state, and which sharing dialog is open. */
export interface CollabUiState {
  /** Null while the open deal is private. */
  state: CollabState | null
  dialog: 'share' | 'join' | null
  setState(state: CollabState | null): void
  openDialog(dialog: 'share' | 'join' | null): void
}

export const useCollabStore = create<CollabUiState>()((set) => ({
  state: null,
  dialog: null,
  setState: (state) => set({ state }),
  openDialog: (dialog) => set({ dialog }),
}))
