import { useEffect, useState, type RefObject } from 'react'

/**
 * The size of an element as "width×height" in whole pixels, updated when it changes (a window
 * resized, a projector plugged in mid-meeting), so a view can be placed again for the new room.
 */
export function useAreaSize(area: RefObject<HTMLElement | null>): string {
  const [size, setSize] = useState('')
  useEffect(() => {
    const el = area.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect
      setSize(`${Math.round(box.width)}×${Math.round(box.height)}`)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [area])
  return size
}
