import { create } from 'zustand'
import { useDealStore } from '../state/deal-store'
import { useUiStore } from '../state/ui-store'

/**
 * "Log a contact" asked from the card button, the `L` shortcut or the palette: select the
 * person, show the inspector and open its contact form (the `seq` makes asking twice work).
 */
interface ContactRequestState {
  request: { stakeholderId: string; seq: number } | null
  ask(stakeholderId: string): void
  clear(): void
}

let seq = 0

export const useContactRequest = create<ContactRequestState>()((set) => ({
  request: null,
  ask: (stakeholderId) => set({ request: { stakeholderId, seq: ++seq } }),
  clear: () => set({ request: null }),
}))

export function requestContactLog(stakeholderId: string): void {
  useDealStore.getState().select([stakeholderId])
  useUiStore.getState().setPanel('inspector')
  useContactRequest.getState().ask(stakeholderId)
}
