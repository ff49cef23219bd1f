import { create } from 'zustand'
import { finishEditing } from '../map'

export interface MeetingState {
  active: boolean
  /** Index into the key players; -1 is the overview of the whole map. */
  step: number
  showCoverage: boolean
  showDepartments: boolean
  enter(): void
  leave(): void
  /** Move by `delta` within [-1, count - 1]. */
  move(delta: number, count: number): void
  setStep(step: number): void
  toggleCoverage(): void
  toggleDepartments(): void
}

export const useMeetingStore = create<MeetingState>()((set, get) => ({
  active: false,
  step: -1,
  showCoverage: false,
  showDepartments: false,
  enter: () => set({ active: true, step: -1 }),
  leave: () => set({ active: false }),
  move: (delta, count) => set({ step: Math.max(-1, Math.min(count - 1, get().step + delta)) }),
  setStep: (step) => set({ step }),
  toggleCoverage: () => set({ showCoverage: !get().showCoverage }),
  toggleDepartments: () => set({ showDepartments: !get().showDepartments }),
}))

/** Full screen where the platform allows it; meeting mode works without it too. */
export function enterMeetingMode(): void {
  // Meeting mode is read-only: a card still open for typing is closed, what it holds kept.
  finishEditing()
  useMeetingStore.getState().enter()
  const root = document.documentElement
  if (!document.fullscreenElement && typeof root.requestFullscreen === 'function') {
    root.requestFullscreen().catch(() => undefined)
  }
}

export function leaveMeetingMode(): void {
  useMeetingStore.getState().leave()
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => undefined)
  }
}
