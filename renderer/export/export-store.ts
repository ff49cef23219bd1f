import { create } from 'zustand'

/** A short line about an image export run from the menu or palette (outside the dialog). */
export interface ExportNotice {
  tone: 'info' | 'error'
  text: string
  seq: number
}

export interface ExportState {
  dialogOpen: boolean
  notice: ExportNotice | null
  openDialog(): void
  closeDialog(): void
  notify(tone: ExportNotice['tone'], text: string): void
  dismissNotice(): void
}

let noticeSeq = 0

export const useExportStore = create<ExportState>()((set) => ({
  dialogOpen: false,
  notice: null,
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
  notify: (tone, text) => set({ notice: { tone, text, seq: ++noticeSeq } }),
  dismissNotice: () => set({ notice: null }),
}))
