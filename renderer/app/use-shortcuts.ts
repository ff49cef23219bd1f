import { useEffect } from 'react'
import { actions, runAction } from './actions'
import { isTypingTarget, keyBelongsToText, matchesShortcut } from './shortcut-keys'
import { keepTypedAhead } from '../map'
import { copySelection, pasteFromClipboard } from '../map'
import { useDealStore } from '../state/deal-store'

/**
 * Keyboard shortcuts from the action registry. Keys typed into a field stay with the field
 * (its own undo, Backspace…). Copy and paste go through the clipboard events so they work
 * without clipboard permissions and can reach another deal or window.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // A modal dialog owns the keyboard: Esc must close it, not clear the map's selection.
      if (e.defaultPrevented || keyBelongsToText(e) || modalDialogOpen()) return
      // A new card's name field is on its way: its letters wait for it, they are not commands.
      if (keepTypedAhead(e)) {
        e.preventDefault()
        return
      }
      for (const action of actions) {
        if (action.id === 'copy' || action.id === 'paste') continue // handled by the clipboard events
        if (!action.shortcut?.some((s) => matchesShortcut(e, s))) continue
        if (runAction(action.id)) e.preventDefault()
        return
      }
    }
    const onCopy = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || !useDealStore.getState().deal) return
      if (hasTextSelection()) return
      copySelection(e)
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || !useDealStore.getState().deal) return
      pasteFromClipboard(e)
    }
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [])
}

function hasTextSelection(): boolean {
  const sel = window.getSelection?.()
  return !!sel && !sel.isCollapsed && sel.toString().trim() !== ''
}

function modalDialogOpen(): boolean {
  return Array.from(document.querySelectorAll('dialog[open]')).some((d) => {
    try {
      return d.matches(':modal')
    } catch {
      return true // a browser without :modal: treat any open dialog as modal
    }
  })
}
