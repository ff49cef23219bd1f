import { useLayoutEffect, useRef } from 'react'

/**
 * Marks an element `data-squeezed` while it would show less than `minEm` of its text (and less
 * than all of it): a customer's name squeezed to "· C…" reads as a stray mark, so the top bar
 * hides it, and gives its room back, until there is room for a few letters (styles/shell.css).
 * Checked again whenever it or one of the bar's parts (`row`'s children) changes size: the
 * mark is lifted, the room measured and the mark set again if needed, before the next paint.
 */
export function useSqueezed<T extends HTMLElement>(minEm: number, row: string, deps: readonly unknown[]) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const check = () => {
      el.removeAttribute('data-squeezed')
      const em = parseFloat(getComputedStyle(el).fontSize) || 16
      if (el.clientWidth < el.scrollWidth - 1 && el.clientWidth < minEm * em) el.setAttribute('data-squeezed', '')
    }
    check()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(check)
    observer.observe(el)
    for (const part of el.closest(row)?.children ?? []) observer.observe(part)
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the text it shows is in deps
  }, [minEm, row, ...deps])
  return ref
}
