import { create } from 'zustand'
import { applyCommand, CommandError, type DealCommand } from '@shared/commands'
import { canRedo, canUndo, emptyHistory, record, redo, seal, undo, type History } from '@shared/history'
import type { OutsideEdit } from '@shared/ipc'
import type { Deal } from '@shared/model'
import { api, AppFailure, messageOf, unwrap } from '../api'
import { SaveQueue, type SaveStatus } from './save-queue'
import { DealSender } from './deal-sender'
import { keepUnchanged, withShownObjects } from './remote-deal'
import { useWorkspaceStore } from './workspace-store'
import { undoStepOf, type DispatchOptions, type SharedSink } from './shared-sink'

export type { DispatchOptions, SharedSink } from './shared-sink'

export type DispatchResult = { ok: true } | { ok: false; error: CommandError }


export interface DealState {
  deal: Deal | null
  loading: boolean
  openError?: string
  history: History<Deal>
  canUndo: boolean
  canRedo: boolean
  saveStatus: SaveStatus
  saveError?: string
  /** The disk's error code when a save failed (ENOSPC…), for a message in the user's language. */
  saveErrorReason?: string
  /** Parameters of that message (for too-large: the sizes in MB). */
  saveErrorParams?: Record<string, string>
  /** The deal's file was changed by another program: the user chooses which version to keep. */
  conflict?: OutsideEdit
  /** The user's choice after a conflict; `copyName` names mine when both are kept. */
  resolveConflict(choice: 'keep-mine' | 'take-theirs' | 'keep-both', copyName: string): Promise<void>
  /** Selected stakeholder ids. */
  selection: string[]
  /** Selected line ids. */
  linkSelection: string[]
  /** A stakeholder the map should pan to; `seq` makes asking twice for the same card work. */
  focusRequest: { id: string; seq: number } | null
  /** The last refused edit, for a transient message. */
  lastRefusal?: { code: string; message: string; seq: number }
  open(dealId: string): Promise<void>
  /** Close the deal once its edits are on disk; false (the deal stays open) when the disk refuses them. */
  close(): Promise<boolean>
  dispatch(command: DealCommand, opts?: DispatchOptions): DispatchResult
  /** Several commands as one undo step (all or nothing). */
  dispatchAll(commands: DealCommand[], opts?: DispatchOptions): DispatchResult
  /** End a merge burst (drag stop, field blur). */
  sealHistory(): void
  undo(): void
  redo(): void
  select(ids: string[]): void
  selectLinks(ids: string[]): void
  focus(ids: string[]): void
  flush(): Promise<void>
  /** Route edits of the open deal to main's shared doc (null: back to the page's own history and saves). */
  setSharedSink(sink: SharedSink | null): void
  /**
   * A colleague's edit, derived by main: shown at once, with the selection and any edit still on
   * its way kept. Returns `deal` with every person and line that the page showed already as the
   * page's own object (or null when another deal is open): the base the next patch applies to
   * (renderer/collab/use-collab-sync.ts), so that patch compares by identity.
   */
  applyRemoteDeal(deal: Deal): Deal | null
  /** Whether the open deal is shared (edits go to main as commands). */
  shared: boolean
}

let queue: SaveQueue<Deal> | null = null
let sink: SharedSink | null = null
/** Commands sent to main and not yet acknowledged: laid over a remote deal that overtakes them. */
let inFlight: DealCommand[][] = []
let focusSeq = 0
let refusalSeq = 0

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/** The save queue of a deal just opened (`revision`: what main accepted it as; autosaves send changes against it). */
function createQueue(set: (s: Partial<DealState>) => void, opened: Deal, revision?: string | null): SaveQueue<Deal> {
  const sender = new DealSender(opened, revision)
  return new SaveQueue<Deal>({
    save: (deal) => sender.save(deal),
    // Trying the same version again cannot help; the next edit (or the user's choice) does.
    isPermanent: (error) => error instanceof AppFailure && (error.code === 'too-large' || error.code === 'conflict'),
    onStatus: (status, error) => {
      const failure = error instanceof AppFailure ? error : undefined
      set({
        saveStatus: status,
        saveError: error === undefined ? undefined : messageOf(error),
        saveErrorReason: failure?.code === 'too-large' || failure?.code === 'conflict' ? failure.code : failure?.reason,
        saveErrorParams: failure?.size ? { size: mb(failure.size.bytes), limit: mb(failure.size.limit) } : undefined,
        ...(failure?.conflict ? { conflict: failure.conflict } : {}),
      })
    },
  })
}

const flushOnLeave = (): void => {
  void queue?.flush()
}

export const useDealStore = create<DealState>()((set, get) => {
  function commit(next: Deal, before: Deal, commands: DealCommand[], step: ReturnType<typeof undoStepOf>): void {
    const history = record(get().history, before, next, step.capture, step.mergeKey)
    const ids = new Set(next.stakeholders.map((s) => s.id))
    const linkIds = new Set(next.links.map((l) => l.id))
    const selection = get().selection.filter((id) => ids.has(id))
    const linkSelection = get().linkSelection.filter((id) => linkIds.has(id))
    set({
      deal: next,
      history,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
      ...(selection.length !== get().selection.length ? { selection } : {}),
      ...(linkSelection.length !== get().linkSelection.length ? { linkSelection } : {}),
    })
    queue?.schedule(next)
    useWorkspaceStore.getState().noteDealChanged(next)
  }

  function run(commands: DealCommand[], opts?: DispatchOptions): DispatchResult {
    const before = get().deal
    if (!before) return { ok: false, error: new CommandError('wrong-deal', 'No deal is open') }
    try {
      // Only sellers the deal file can name: a command bringing any other would make a deal that never saves.
      const sellers = new Set(useWorkspaceStore.getState().roster.map((s) => s.id))
      const next = commands.reduce((deal, command) => applyCommand(deal, command, { sellers }), before)
      if (next === before) return { ok: true }
      const step = undoStepOf(commands, opts)
      if (sink) sendShared(next, commands, step.capture === 'merge' ? step.mergeKey : undefined)
      else commit(next, before, commands, step)
      return { ok: true }
    } catch (e) {
      if (!(e instanceof CommandError)) throw e
      if (!opts?.saysRefusal) set({ lastRefusal: { code: e.code, message: e.message, seq: ++refusalSeq } })
      return { ok: false, error: e }
    }
  }

  /** A shared deal: shown at once, sent to main at once; main's doc is the truth that comes back. */
  function sendShared(next: Deal, commands: DealCommand[], mergeKey: string | undefined): void {
    const target = sink!
    show(next)
    inFlight.push(commands)
    void target.apply(commands, mergeKey).then(
      () => {
        inFlight = inFlight.filter((c) => c !== commands)
        set({ canUndo: target.canUndo, canRedo: target.canRedo })
      },
      (e: unknown) => {
        inFlight = inFlight.filter((c) => c !== commands)
        set({ lastRefusal: { code: e instanceof AppFailure ? (e.reason ?? e.code) : 'internal', message: messageOf(e), seq: ++refusalSeq } })
      },
    )
    set({ canUndo: true })
  }

  /** Show a deal that is not a step of the page's own history (shared edits, a colleague's change). */
  function show(next: Deal, listAfterPaint = false): void {
    const ids = new Set(next.stakeholders.map((s) => s.id))
    const linkIds = new Set(next.links.map((l) => l.id))
    const selection = get().selection.filter((id) => ids.has(id))
    const linkSelection = get().linkSelection.filter((id) => linkIds.has(id))
    set({
      deal: next,
      ...(selection.length !== get().selection.length ? { selection } : {}),
      ...(linkSelection.length !== get().linkSelection.length ? { linkSelection } : {}),
    })
    // The deals list (not on screen while a deal is open) re-derives its map status and team
    // verdict after the colleague's change is painted, not before.
    if (listAfterPaint) noteAfterPaint(next)
    else useWorkspaceStore.getState().noteDealChanged(next)
  }

  function travel(direction: 'undo' | 'redo'): void {
    if (sink) {
      const target = sink
      void (direction === 'undo' ? target.undo() : target.redo()).then((moved) => {
        if (moved && sink === target) show(moved)
        set({ canUndo: target.canUndo, canRedo: target.canRedo })
      }, (e: unknown) => set({ lastRefusal: { code: 'internal', message: messageOf(e), seq: ++refusalSeq } }))
      return
    }
    const { deal, history } = get()
    if (!deal) return
    const moved = direction === 'undo' ? undo(history, deal) : redo(history, deal)
    if (!moved) return
    const ids = new Set(moved.state.stakeholders.map((s) => s.id))
    set({
      deal: moved.state,
      history: moved.history,
      canUndo: canUndo(moved.history),
      canRedo: canRedo(moved.history),
      selection: get().selection.filter((id) => ids.has(id)),
      linkSelection: [],
    })
    queue?.schedule(moved.state)
    useWorkspaceStore.getState().noteDealChanged(moved.state)
  }

  return {
    deal: null,
    loading: false,
    history: emptyHistory<Deal>(),
    canUndo: false,
    canRedo: false,
    saveStatus: 'saved',
    selection: [],
    linkSelection: [],
    focusRequest: null,
    shared: false,

    setSharedSink(next) {
      sink = next
      inFlight = []
      set({ shared: next !== null, history: emptyHistory<Deal>(), canUndo: next?.canUndo ?? false, canRedo: next?.canRedo ?? false })
    },

    applyRemoteDeal(remote) {
      const current = get().deal
      if (!current || remote.id !== current.id) return null
      // Edits still on their way to main are laid over it, so they never flicker out and back.
      const sellers = new Set(useWorkspaceStore.getState().roster.map((s) => s.id))
      let next = remote
      for (const commands of inFlight) {
        try {
          next = commands.reduce((deal, command) => applyCommand(deal, command, { sellers }), next)
        } catch {
          // The colleague's change made it moot (a deleted person): main refuses it too.
        }
      }
      const shown = keepUnchanged(current, next)
      show(shown, true)
      if (sink) set({ canUndo: sink.canUndo, canRedo: sink.canRedo })
      return withShownObjects(remote, next, shown)
    },

    async open(dealId) {
      if (!(await get().close())) return
      set({ loading: true, openError: undefined })
      try {
        const { deal, notices, revision } = unwrap(await api.openDeal(dealId))
        queue = createQueue(set, deal, revision)
        if (typeof window !== 'undefined') {
          window.addEventListener('blur', flushOnLeave)
          window.addEventListener('beforeunload', flushOnLeave)
        }
        useWorkspaceStore.getState().addNotices(notices)
        set({
          deal,
          loading: false,
          history: emptyHistory<Deal>(),
          canUndo: false,
          canRedo: false,
          saveStatus: 'saved',
          saveError: undefined,
          saveErrorReason: undefined,
          conflict: undefined,
          selection: [],
          linkSelection: [],
          focusRequest: null,
        })
      } catch (e) {
        set({ loading: false, openError: messageOf(e) })
      }
    },

    async close() {
      const q = queue
      if (q) {
        await q.flush()
        if (q.dirty) {
          // The disk refused the latest edits: keep the deal open (and retrying) rather than drop them.
          set({ lastRefusal: { code: 'unsaved-close', message: 'Your latest changes are not saved yet, so the deal stays open.', seq: ++refusalSeq } })
          return false
        }
        q.dispose()
      }
      queue = null
      sink = null
      inFlight = []
      if (typeof window !== 'undefined') {
        window.removeEventListener('blur', flushOnLeave)
        window.removeEventListener('beforeunload', flushOnLeave)
      }
      set({ deal: null, shared: false, history: emptyHistory<Deal>(), canUndo: false, canRedo: false, selection: [], linkSelection: [], focusRequest: null })
      return true
    },

    dispatch: (command, opts) => run([command], opts),
    dispatchAll: (commands, opts) => run(commands, opts),

    sealHistory() {
      const history = seal(get().history)
      if (history !== get().history) set({ history })
    },

    undo: () => travel('undo'),
    redo: () => travel('redo'),

    select(ids) {
      const current = get().selection
      if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
      set({ selection: ids })
      sink?.select(ids)
    },
    selectLinks(ids) {
      const current = get().linkSelection
      if (current.length === ids.length && current.every((id, i) => id === ids[i])) return
      set({ linkSelection: ids })
    },
    focus(ids) {
      if (ids.length === 0) return
      const current = get().selection
      const same = current.length === ids.length && current.every((id, i) => id === ids[i])
      set({ focusRequest: { id: ids[0], seq: ++focusSeq }, selection: ids, linkSelection: [] })
      // Picked from the search box, a finding or a change: colleagues see it as they see a click.
      if (!same) sink?.select(ids)
    },
    flush: async () => {
      await queue?.flush()
    },

    async resolveConflict(choice, copyName) {
      const q = queue
      const mine = get().deal
      if (!q || !mine || !get().conflict) return
      const version = q.currentVersion
      const resolved = unwrap(await api.resolveConflict({ choice, mine, copyName }))
      if (choice === 'keep-mine') {
        set({ conflict: undefined })
        q.markSaved(version)
        return
      }
      // Mine is safe elsewhere now (a backup, or the new deal): nothing left to save here.
      q.dispose()
      queue = null
      set({ conflict: undefined })
      if (choice === 'take-theirs' && resolved.deal) {
        queue = createQueue(set, resolved.deal)
        set({ deal: resolved.deal, history: emptyHistory<Deal>(), canUndo: false, canRedo: false, saveStatus: 'saved', saveError: undefined, saveErrorReason: undefined, selection: [], linkSelection: [] })
        useWorkspaceStore.getState().noteDealChanged(resolved.deal)
        return
      }
      if (resolved.copy) {
        await useWorkspaceStore.getState().load()
        await get().open(resolved.copy.id)
      }
    },
  }
})

let pendingListNote: Deal | null = null

/** `noteDealChanged` once the frame with `deal` is painted (the latest deal of several). */
function noteAfterPaint(deal: Deal): void {
  const scheduled = pendingListNote !== null
  pendingListNote = deal
  if (scheduled) return
  const note = () => {
    const latest = pendingListNote
    pendingListNote = null
    if (latest) useWorkspaceStore.getState().noteDealChanged(latest)
  }
  // After the next frame (rAF, then a task), or at once where there are no frames (a test's DOM).
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(note, 0))
  else setTimeout(note, 0)
}

/**
 * The open deal as it stood before each of its last `max` undo steps, oldest first: what
 * "Share with team…" sends so those steps stay undoable in the shared doc.
 */
export function earlierStates(max: number): Deal[] {
  const { history, shared } = useDealStore.getState()
  if (shared) return []
  return history.past.slice(-max).map((entry) => entry.state)
}
