import { act, fireEvent } from '@testing-library/react'

/**
 * Keys as a user presses them: a keydown on whatever has focus (the page when nothing
 * does); when nothing took the key and a text field has focus, the character lands in it,
 * replacing the selected text, as a browser does.
 */
export function press(key: string, extra: { shiftKey?: boolean } = {}): void {
  const target = (document.activeElement as HTMLElement | null) ?? document.body
  const shiftKey = extra.shiftKey ?? (key.length === 1 && key !== key.toLowerCase())
  act(() => {
    const accepted = fireEvent.keyDown(target, { key, shiftKey, bubbles: true, cancelable: true })
    if (!accepted || key.length !== 1) return
    const textInput = target instanceof HTMLInputElement && ['text', 'search', 'email', 'url', ''].includes(target.type)
    if (textInput || target instanceof HTMLTextAreaElement) {
      const value = target.value
      const start = target.selectionStart ?? value.length
      const end = target.selectionEnd ?? value.length
      fireEvent.change(target, { target: { value: value.slice(0, start) + key + value.slice(end) } })
      target.setSelectionRange(start + 1, start + 1)
    }
  })
}

export function typeText(text: string): void {
  for (const ch of text) press(ch)
}

/** Let requestAnimationFrame callbacks and React updates run. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 40))
  })
}
