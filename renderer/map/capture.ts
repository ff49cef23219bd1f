import { create } from 'zustand'
import { newStakeholder, type Position, type Stakeholder } from '@shared/model'
import type { DealCommand } from '@shared/commands'
import { placeNewCard } from '@shared/placement'
import { cardSize } from '@shared/card-size'
import { i18next } from '../i18n'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'
import { mapController } from './map-controller'

/**
 * Capturing people at the speed of talk: a new card opens with its name field on the card
 * itself, Enter takes the next person (a sibling), Esc leaves. Everything here is one place
 * so the toolbar, N, a double-click and "add direct report" behave the same.
 *
 * Each new person is one undo step: the add, the typed name and (for a card left empty) its
 * removal fold into the same history entry.
 */

export type CaptureField = 'name' | 'title' | 'department'

export interface CaptureEditing {
  id: string
  /** Added by this capture: left empty, it is removed rather than kept as a nameless card. */
  isNew: boolean
  /** The field that takes the caret first. */
  field: CaptureField
  seq: number
}

interface CaptureState {
  editing: CaptureEditing | null
  /** Keys typed after the card was asked for but before its field could take them. */
  typedAhead: string
  /** The editor on the card has the caret (keys go to it, not to the shortcuts). */
  mounted: boolean
  /** Keeps what the open editor holds; called before another card is edited. */
  flush?: () => void
}

let seq = 0

export const useCaptureStore = create<CaptureState>()(() => ({ editing: null, typedAhead: '', mounted: false }))

export function startEditing(id: string, isNew: boolean, field: CaptureField = 'name'): void {
  // A click on "add direct report" need not take the focus (macOS): keep the card being typed.
  const open = useCaptureStore.getState()
  if (open.editing && open.editing.id !== id) open.flush?.()
  useCaptureStore.setState({ editing: { id, isNew, field, seq: ++seq }, typedAhead: '', mounted: false, flush: undefined })
}

export function stopEditing(): void {
  useCaptureStore.setState({ editing: null, typedAhead: '', mounted: false, flush: undefined })
}

/** Keep what the open card has typed (as a click elsewhere would) and close its editor. */
export function finishEditing(): void {
  useCaptureStore.getState().flush?.()
  if (useCaptureStore.getState().editing) stopEditing()
}

export const mergeKeyFor = (id: string) => `capture-${id}`

/**
 * While a new card's name field is on its way (the view still panning to it), printable keys
 * are kept for it instead of reaching the shortcuts. Returns true when it took the key.
 */
export function keepTypedAhead(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  const { editing, mounted, typedAhead } = useCaptureStore.getState()
  if (!editing || mounted) return false
  if (e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) return false
  useCaptureStore.setState({ typedAhead: typedAhead + e.key })
  return true
}

interface NewPerson {
  /** Where the user double-clicked (map coordinates). */
  at?: Position
  /** The manager the person reports to (a reports-to line is drawn). */
  managerId?: string
  department?: string
  /** Put it next to these cards when there is no manager. */
  nearIds?: readonly string[]
  /** Keep the selection as it is (on the manager) instead of selecting the new card. */
  keepSelection?: boolean
  /** A seat with no name yet ("who is the COO?"): the caret starts on its title. */
  placeholder?: boolean
}

/** Add one person and open the name field on their card. Returns the new id. */
export function capturePerson(options: NewPerson = {}): string | null {
  const store = useDealStore.getState()
  const deal = store.deal
  if (!deal) return null
  const manager = options.managerId ? deal.stakeholders.find((s) => s.id === options.managerId) : undefined
  const controller = mapController()
  const fallback = options.at ?? controller?.viewportCenter() ?? { x: 0, y: 0 }
  const position = placeNewCard(deal, {
    managerId: manager?.id,
    nearIds: options.nearIds ?? store.selection,
    fallback,
    exact: !!options.at,
    view: controller?.visibleRect?.(),
  })
  const stakeholder = newStakeholder({
    name: options.placeholder ? '' : i18next.t('map:newStakeholderName'),
    position,
    department: options.department ?? manager?.department ?? '',
    addedOn: today(),
    ...(options.placeholder ? { placeholder: true as const } : {}),
  })
  const result = store.dispatch(
    {
      type: 'add-stakeholders',
      stakeholders: [stakeholder],
      links: manager ? [{ id: crypto.randomUUID(), from: stakeholder.id, to: manager.id, kind: 'reports-to' }] : undefined,
    },
    { capture: 'merge', mergeKey: mergeKeyFor(stakeholder.id) },
  )
  if (!result.ok) return null
  if (!options.keepSelection) store.select([stakeholder.id])
  startEditing(stakeholder.id, true, options.placeholder ? 'title' : 'name')
  // Where the user double-clicked is where they look: never move the view then.
  if (!options.at) revealCard(stakeholder)
  return stakeholder.id
}

/** Pan so a card is on screen (only when it is not already). */
function revealCard(s: Stakeholder): void {
  const controller = mapController()
  const view = controller?.visibleRect?.()
  if (!controller || !view) return
  const size = cardSize(s.influence)
  const { x, y } = s.position
  const visible = x >= view.x && y >= view.y && x + size.width <= view.x + view.width && y + size.height <= view.y + view.height
  // The card is not in React Flow's store yet (it renders next frame): pan to its position.
  if (!visible) controller.panTo?.({ x: x + size.width / 2, y: y + size.height / 2 })
}

export interface CaptureDraft {
  name: string
  title: string
  department: string
}

/** How an edit on the card ends: Enter, Esc, or the focus going elsewhere (a click). */
export type LeaveBy = 'enter' | 'escape' | 'blur'

/**
 * Write what was typed on the card. A new card left by Enter or Esc with nothing typed is
 * removed: it was never a person, and a nameless "New person" in the file helps no one. A
 * click elsewhere keeps it (the user may be naming it in the inspector). A new card with a
 * title but no name stays as a placeholder seat. Returns the person as they now are, or null
 * when the card went away.
 */
export function commitDraft(id: string, draft: CaptureDraft, by: LeaveBy): Stakeholder | null {
  const store = useDealStore.getState()
  const current = store.deal?.stakeholders.find((s) => s.id === id)
  if (!current) return null
  const editing = useCaptureStore.getState().editing
  const isNew = editing?.id === id && editing.isNew
  const name = draft.name.trim()
  const title = draft.title.trim()
  const department = draft.department.trim()
  const opts = { capture: 'merge' as const, mergeKey: mergeKeyFor(id) }
  const defaultName = i18next.t('map:newStakeholderName')
  const nothingTyped = !title && (!name || name === defaultName)
  if (isNew && nothingTyped && by !== 'blur') {
    store.dispatch({ type: 'remove-stakeholders', ids: [id] }, opts)
    if (store.selection.includes(id)) store.select(store.selection.filter((s) => s !== id))
    return null
  }
  const patch: Partial<Stakeholder> = {}
  if (name) {
    if (name !== current.name) patch.name = name
    if (current.placeholder && name !== defaultName) patch.placeholder = undefined // named: a person now
  } else if (!current.placeholder && isNew && title) {
    patch.name = ''
    patch.placeholder = true // a seat we know of, with no one found yet
  }
  if (title !== current.title) patch.title = title
  if (department !== current.department) patch.department = department
  if (Object.keys(patch).length > 0) {
    const result = store.dispatchAll(fieldCommands(id, patch), isNew ? opts : undefined)
    if (!result.ok) return current
  }
  return useDealStore.getState().deal?.stakeholders.find((s) => s.id === id) ?? null
}

/**
 * The card's edits as one-field commands. Making a seat sets its flag first, so the name may
 * then be emptied; naming a seat sets the name first (which makes it a person), so the flag
 * is never cleared while the name is still empty: a seat with neither is refused.
 */
function fieldCommands(id: string, patch: Partial<Stakeholder>): DealCommand[] {
  const rank = (field: string) => (field !== 'placeholder' ? 1 : patch.placeholder ? 0 : 2)
  const fields = (Object.keys(patch) as Array<'name' | 'title' | 'department' | 'placeholder'>).sort((a, b) => rank(a) - rank(b))
  return fields.map((field) => ({ type: 'set-field', stakeholderId: id, field, value: patch[field] ?? null }) as DealCommand)
}

/**
 * Where the next person goes after Enter: `sibling` (Enter) the same manager and department;
 * `report` (Shift+Enter) reports to the person just typed; `up` (Ctrl/⌘+Enter) a colleague of
 * their manager, one level up. A whole org chart can be typed without the mouse.
 */
export type NextPerson = 'sibling' | 'report' | 'up'

const managerIdOf = (id: string | undefined): string | undefined =>
  id === undefined ? undefined : useDealStore.getState().deal?.links.find((l) => l.kind === 'reports-to' && l.from === id)?.to

/** Enter on a card: keep it, then the next person (a sibling, a report, or one level up). */
export function commitAndNext(id: string, draft: CaptureDraft, next: NextPerson = 'sibling'): string | null {
  const managerId = managerIdOf(id)
  const upId = managerIdOf(managerId)
  const isNew = useCaptureStore.getState().editing?.isNew ?? false
  const kept = commitDraft(id, draft, 'enter')
  useDealStore.getState().sealHistory()
  stopEditing()
  // Enter on an existing person just ends the edit; Enter on an empty new card ends the round.
  // Going up from an empty card still goes up: the user pressed it to leave this level.
  if (!isNew || (!kept && next !== 'up')) return null
  const keepSelection = !useDealStore.getState().selection.includes(id)
  const nearIds = kept ? [kept.id] : managerId ? [managerId] : []
  if (next === 'report' && kept) return capturePerson({ managerId: kept.id, department: kept.department, keepSelection })
  if (next === 'up') {
    const manager = useDealStore.getState().deal?.stakeholders.find((s) => s.id === managerId)
    return capturePerson({ managerId: upId, department: manager?.department ?? kept?.department, nearIds, keepSelection })
  }
  return capturePerson({ managerId, department: kept?.department, nearIds, keepSelection })
}

/** Esc, a click elsewhere, or leaving the card: keep what was typed and stop editing. */
export function leaveEditing(id: string, draft: CaptureDraft, by: LeaveBy = 'blur'): void {
  if (useCaptureStore.getState().editing?.id !== id) return
  commitDraft(id, draft, by)
  useDealStore.getState().sealHistory()
  stopEditing()
}

/**
 * Each letter typed on the card is in the deal at once (the inspector and the file follow),
 * folded into the card's one undo step. An empty name waits for Enter or Esc to decide.
 */
export function writeAsTyped(id: string, field: CaptureField, value: string): void {
  const editing = useCaptureStore.getState().editing
  if (editing?.id !== id) return
  if (field === 'name' && value.trim() === '') return
  const mergeKey = editing.isNew ? mergeKeyFor(id) : `inline-${editing.seq}`
  useDealStore.getState().dispatch({ type: 'set-field', stakeholderId: id, field, value }, { capture: 'merge', mergeKey })
}
