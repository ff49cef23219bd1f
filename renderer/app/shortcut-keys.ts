/**
 * Shortcut strings such as `mod+shift+z`: `mod` is Cmd on macOS and Ctrl elsewhere.
 */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

export function matchesShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: string): boolean {
  const parts = shortcut.toLowerCase().split('+')
  const key = parts[parts.length - 1]
  const want = new Set(parts.slice(0, -1))
  const mod = IS_MAC ? e.metaKey : e.ctrlKey
  const wantMod = want.has('mod')
  const wantCtrl = want.has('ctrl') || (wantMod && !IS_MAC)
  const wantMeta = want.has('meta') || (wantMod && IS_MAC)
  if (wantMod && !mod) return false
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== want.has('alt')) return false
  const pressed = e.key.toLowerCase()
  // Printable symbols like "?" already imply shift; only check shift for letters and named keys.
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key)
  if (!symbol && e.shiftKey !== want.has('shift')) return false
  if (key === '1' && want.has('shift')) return pressed === '1' || pressed === '!'
  return pressed === key
}

const ARROWS = { arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→', escape: 'Esc', enter: 'Enter', tab: 'Tab' }

/** How a shortcut reads on this platform: `Ctrl+Shift+Z` / `⌘⇧Z`. */
export function describeShortcut(shortcut: string): string {
  const names: Record<string, string> = IS_MAC
    ? { mod: '⌘', shift: '⇧', alt: '⌥', ctrl: '⌃', delete: '⌦', backspace: '⌫', ...ARROWS }
    : { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', ctrl: 'Ctrl', delete: 'Delete', backspace: 'Backspace', ...ARROWS }
  const parts = shortcut.split('+').map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
  return parts.join(IS_MAC ? '' : '+')
}

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  // jsdom has no isContentEditable; the attribute says the same.
  return el.isContentEditable || el.getAttribute?.('contenteditable') === 'true' || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)
}

/**
 * Whether a key press is text for a field rather than a command: the field it was typed in,
 * or the field that has focus (a key dispatched from elsewhere while a field is focused is
 * still the user typing). The one check the shortcut dispatcher makes for every shortcut.
 */
export function keyBelongsToText(e: Pick<KeyboardEvent, 'target'>): boolean {
  return isTypingTarget(e.target) || (typeof document !== 'undefined' && isTypingTarget(document.activeElement))
}
