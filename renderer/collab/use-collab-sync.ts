import { useEffect } from 'react'
import type { CollabEvent } from '@shared/ipc'
import { withPeople } from '@shared/deal-push'
import { referencedSellerIds, type Deal } from '@shared/model'
import { api, unwrap } from '../api'
import { useDealStore, type SharedSink } from '../state/deal-store'
import { sharingKnown, sharingUnknown } from '../state/sharing-known'
import { useCollabStore } from './collab-store'
import { useWorkspaceStore } from '../state/workspace-store'

/** Sends a shared deal's edits to main (docs/collaboration-app.md): at once, no debounce. */
function sinkFor(dealId: string): SharedSink {
  const state = () => useCollabStore.getState().state
  return {
    async apply(commands, mergeKey) {
      unwrap(await api.applySharedCommands(dealId, commands, mergeKey))
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

/**
 * The deal of main's last push, with the page's own objects where they are equal: what the next
 * `people` push applies to (shared/deal-push.ts). Null until main pushes the whole deal.
 */
let pushed: { dealId: string; seq: number; deal: Deal } | null = null

function showPushed(dealId: string, seq: number, deal: Deal): void {
  const kept = useDealStore.getState().applyRemoteDeal(deal)
  pushed = kept ? { dealId, seq, deal: kept } : null
}

/**
 * A colleague's seller this laptop's roster lacks (they seated or related themselves): main adds
 * them to the roster when it writes the deal's readable copy, a debounce later, so the roster is
 * read again then, and a few times more while a seller is still missing, or the page would name
 * them by their id (docs/collaboration.md, "Found walking the app (walk-share-ids)"). Only the
 * pushed people are looked at: a colleague's edit must stay cheap.
 */
const ROSTER_CATCH_UP_MS = 1_000
let rosterCatchUp: ReturnType<typeof setTimeout> | null = null
function catchUpRoster(named: Pick<Deal, 'stakeholders'> | Deal, attempts = 3): void {
  if (rosterCatchUp || attempts === 0) return
  const missing = () => {
    const known = new Set(useWorkspaceStore.getState().roster.map((s) => s.id))
    return [...referencedSellerIds(named)].some((id) => !known.has(id))
  }
  if (!missing()) return
  rosterCatchUp = setTimeout(() => {
    void useWorkspaceStore.getState().reloadRoster().then(() => {
      rosterCatchUp = null
      catchUpRoster(named, attempts - 1)
    })
  }, ROSTER_CATCH_UP_MS)
}

function onEvent(event: CollabEvent): void {
  const openId = useDealStore.getState().deal?.id
  if (event.kind === 'deal') {
    if (event.dealId !== openId) return
    showPushed(event.dealId, event.seq, event.deal)
    catchUpRoster(event.deal)
  } else if (event.kind === 'people') {
    if (event.dealId !== openId) return
    catchUpRoster({ stakeholders: event.people })
    if (pushed?.dealId === event.dealId && pushed.seq === event.seq - 1) return showPushed(event.dealId, event.seq, withPeople(pushed.deal, event.people))
    // A push was missed (or the page has none yet): main answers this with the whole deal.
    pushed = null
    void api.collabState(event.dealId).then((result) => result.ok && adoptCollabState(event.dealId, result.value), () => undefined)
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
    sharingUnknown()
    if (!dealId) return
    let live = true
    void api.collabState(dealId).then((result) => {
      if (live && result.ok) adoptCollabState(dealId, result.value)
      if (live) sharingKnown(dealId)
    }, () => live && sharingKnown(dealId))
    return () => {
      live = false
    }
  }, [dealId])
}
