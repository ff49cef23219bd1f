import { create } from 'zustand'

/** A short line about an image export run from the menu or palette (outside the dialog). */
export interface ExportNotice {
  tone: 'info' | 'error'
  text: string
  seq: number
}

export interface ExportState {
  dialogOpen: boolean
  /** While an image is drawn the map renders every card, not only those in view. */
  renderAllCards: boolean
  notice: ExportNotice | null
  openDialog(): void
  closeDialog(): void
  setRenderAllCards(on: boolean): void
  notify(tone: ExportNotice['tone'], text: string): void
  dismissNotice(): void
}

let noticeSeq = 0

export const useExportStore = create<ExportState>()((set) => ({
  dialogOpen: false,
  renderAllCards: false,
  notice: null,
  openDialog: () => set({ dialogOpen: true }),
  closeDialog: () => set({ dialogOpen: false }),
  setRenderAllCards: (on) => set({ renderAllCards: on }),
  notify: (tone, text) => set({ notice: { tone, text, seq: ++noticeSeq } }),
  dismissNotice: () => set({ notice: null }),
}))
