import { useEffect, useState, type RefObject } from 'react'

/**
 * The size of an element as "width×height" in whole pixels, updated when it changes (a window
 * resized, a projector plugged in mid-meeting), so a view can be placed again for the new room.
 * Takes the element itself when it can be replaced while mounted (a caption that changes with
 * the step), else a ref to it.
 */
export function useAreaSize(area: RefObject<HTMLElement | null> | HTMLElement | null): string {
  const [size, setSize] = useState('')
  const el = area && 'current' in area ? null : area
  useEffect(() => {
    const target = el ?? (area && 'current' in area ? area.current : null)
    if (!target || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1].contentRect
      setSize(`${Math.round(box.width)}×${Math.round(box.height)}`)
    })
    observer.observe(target)
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [el ?? area])
  return size
}
