import { cardSize } from '@shared/card-size'
import type { Position } from '@shared/model'
import { placeNewCards } from '@shared/placement'
import { capturePerson } from './capture'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { cloneForPaste, parseClipboard, toClipboard } from './clipboard'
import { mapController } from './map-controller'

/**
 * Map edits that several entry points share (toolbar, keys, menu, palette). Each is one
 * undo step.
 */

/** Cards copied in this window, for paste when the system clipboard is not readable. */
let localClipboard = ''

/**
 * Add a new person: at `at` (a double-click), else next to the selection, else in view; the
 * caret goes to the name on the new card (see capture.ts).
 */
export function addStakeholder(at?: Position): string | null {
  return capturePerson({ at })
}

/**
 * Add a person who reports to `managerId`, in a row under them. The selection stays on the
 * manager, so asking again adds a sibling, not a report of the report.
 */
export function addReport(managerId: string): string | null {
  return capturePerson({ managerId, keepSelection: true })
}

/**
 * A seat the team knows of but has no name for yet ("who is the COO?"). With one person
 * selected it is asked for as that person's report (as "add direct report" is), so it lands
 * in their row with a reports-to line instead of floating with no manager. The seat
 * is selected, so the inspector shows it to be filled in.
 */
export function addPlaceholder(): string | null {
  const { selection } = useDealStore.getState()
  if (selection.length === 1) return capturePerson({ placeholder: true, managerId: selection[0] })
  return capturePerson({ placeholder: true })
}

export function deleteSelection(): void {
  const store = useDealStore.getState()
  if (store.selection.length > 0) {
    store.dispatchAll([
      { type: 'remove-stakeholders', ids: store.selection },
      ...(store.linkSelection.length ? [{ type: 'remove-links' as const, ids: store.linkSelection }] : []),
    ])
  } else if (store.linkSelection.length > 0) {
    store.dispatch({ type: 'remove-links', ids: store.linkSelection })
  }
}

function selectedPayload(): string | null {
  const { deal, selection } = useDealStore.getState()
  if (!deal || selection.length === 0) return null
  const chosen = new Set(selection)
  return JSON.stringify(toClipboard(deal.stakeholders.filter((s) => chosen.has(s.id)), deal.links))
}

/** Paste cards (with the lines among them) next to where they came from, without overlap. */
export function pasteText(text: string, offset = 40): boolean {
  const payload = parseClipboard(text)
  const store = useDealStore.getState()
  if (!payload || !store.deal) return false
  const known = new Set(useWorkspaceStore.getState().roster.map((s) => s.id))
  const { stakeholders, links } = cloneForPaste(payload, known)
  const positions = placeNewCards(
    store.deal,
    stakeholders.map((s) => ({ x: s.position.x + offset, y: s.position.y + offset })),
    stakeholders.map((s) => cardSize(s.influence)),
  )
  const placed = stakeholders.map((s, i) => ({ ...s, position: positions[i] }))
  const result = store.dispatch({ type: 'add-stakeholders', stakeholders: placed, links })
  if (result.ok) store.select(placed.map((s) => s.id))
  return result.ok
}

export function duplicateSelection(): void {
  const text = selectedPayload()
  if (text) pasteText(text)
}

/** Copy to our own clipboard and, when allowed, the system one (for pasting into another deal). */
export function copySelection(event?: ClipboardEvent): boolean {
  const text = selectedPayload()
  if (!text) return false
  localClipboard = text
  if (event?.clipboardData) {
    event.clipboardData.setData('text/plain', text)
    event.preventDefault()
  } else {
    void navigator.clipboard?.writeText(text).catch(() => undefined)
  }
  return true
}

export function pasteFromClipboard(event?: ClipboardEvent): boolean {
  const text = event?.clipboardData?.getData('text/plain')
  if (text !== undefined) {
    // The system clipboard holds something else: that is the user's intent, not our old copy.
    if (parseClipboard(text)) {
      event?.preventDefault()
      return pasteText(text)
    }
    return false
  }
  return pasteText(localClipboard)
}

export async function tidyLayout(): Promise<void> {
  const deal = useDealStore.getState().deal
  if (!deal) return
  const { layoutDeal } = await import('@shared/layout')
  // The chart is shaped to the map's area, so the fit after it draws the cards as large as it can.
  const area = document.querySelector('.map-canvas')?.getBoundingClientRect()
  const aspect = area && area.width > 0 && area.height > 0 ? Math.min(3, Math.max(0.6, area.width / area.height)) : undefined
  const moves = await layoutDeal(deal, { aspect })
  // The deal may have changed while elk worked; move only who is still there.
  useDealStore.getState().dispatch({ type: 'move-stakeholders', moves })
  // Fit once React Flow has the new positions.
  setTimeout(() => mapController()?.fitView(), 60)
}
