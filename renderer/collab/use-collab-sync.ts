import { useEffect } from 'react'
import type { CollabEvent } from '@shared/ipc'
import { api, unwrap } from '../api'
import { useDealStore, type SharedSink } from '../state/deal-store'
import { useCollabStore } from './collab-store'

/** Sends a shared deal's edits to main (docs/collaboration-app.md): at once, no debounce. */
function sinkFor(dealId: string): SharedSink {
  const state = () => useCollabStore.getState().state
  return {
    async apply(commands) {
      unwrap(await api.applySharedCommands(dealId, commands))
    },
    undo: async () => unwrap(await api.undoShared(dealId)),
    redo: async () => unwrap(await api.redoShared(dealId)),
    select: (ids) => void api.setSharedSelection(dealId, ids.slice(0, 1000)).catch(() => undefined),
    get canUndo() {
      return state()?.canUndo ?? false
    },
    get canRedo() {
      return state()?.canRedo ?? false
    },
  }
}

/** Make the open deal shared (a sink to main) or private again, as main's state says. */
export function adoptCollabState(dealId: string, state: import('@shared/ipc').CollabState | null): void {
  const deal = useDealStore.getState()
  if (deal.deal?.id !== dealId) return
  const wasShared = useCollabStore.getState().state !== null
  useCollabStore.getState().setState(state)
  if (state && !wasShared) deal.setSharedSink(sinkFor(dealId))
  else if (!state && wasShared) deal.setSharedSink(null)
  else if (state) useDealStore.setState({ canUndo: state.canUndo, canRedo: state.canRedo })
}

function onEvent(event: CollabEvent): void {
  const openId = useDealStore.getState().deal?.id
  if (event.kind === 'deal') {
    if (event.dealId === openId) useDealStore.getState().applyRemoteDeal(event.deal)
  } else if (event.kind === 'state') {
    if (event.state.dealId === openId) adoptCollabState(openId, event.state)
  } else if (event.kind === 'ended' && event.dealId === openId) {
    adoptCollabState(openId, null)
  }
}

/**
 * Listen to main's collaboration pushes for the life of the window, and ask main whether each
 * deal that opens is shared (main resumes its sync with the kept token).
 */
export function useCollabSync(): void {
  const dealId = useDealStore((s) => s.deal?.id ?? null)
  useEffect(() => {
    const on = (globalThis as { api?: { onCollabEvent?: unknown } }).api?.onCollabEvent
    if (typeof on !== 'function') return // a component test's bare page
    return api.onCollabEvent(onEvent)
  }, [])
  useEffect(() => {
    useCollabStore.getState().setState(null)
    if (!dealId) return
    let live = true
    void api.collabState(dealId).then((result) => {
      if (live && result.ok) adoptCollabState(dealId, result.value)
    }, () => undefined)
    return () => {
      live = false
    }
  }, [dealId])
}
