import { useLayoutEffect, useRef } from 'react'

/**
 * Marks an element `data-squeezed` while it shows less than `minEm` of its text (and less than
 * all of it): a customer's name squeezed to "· C…" reads as a stray mark, so the top bar hides
 * it until there is room for a few letters (styles/shell.css). Re-checked whenever it resizes.
 */
export function useSqueezed<T extends HTMLElement>(minEm: number, deps: readonly unknown[]) {
  const ref = useRef<T>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const check = () => {
      const em = parseFloat(getComputedStyle(el).fontSize) || 16
      const squeezed = el.clientWidth < el.scrollWidth - 1 && el.clientWidth < minEm * em
      el.toggleAttribute('data-squeezed', squeezed)
    }
    check()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(check)
    observer.observe(el)
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the text it shows is in deps
  }, [minEm, ...deps])
  return ref
}
