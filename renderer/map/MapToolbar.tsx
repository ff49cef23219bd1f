import { useLayoutEffect, useRef } from 'react'
import { SearchBox } from './SearchBox'
import { FilterBar } from './FilterBar'

/**
 * Above the canvas: find a person, filter what stands out. Its height (one row, or two or three
 * when the filters wrap in a narrow window or a longer language) is kept on the map area as
 * `--map-toolbar-height`, so what floats over the canvas's top (the focus banner, the loop
 * warning, the line-kind chooser) sits below it rather than over the filters.
 */
export function MapToolbar() {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const bar = ref.current
    const area = bar?.parentElement
    if (!bar || !area) return
    const measure = () => area.style.setProperty('--map-toolbar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(bar)
    return () => {
      observer.disconnect()
      area.style.removeProperty('--map-toolbar-height')
    }
  }, [])
  return (
    <div className="map-toolbar" ref={ref} data-testid="map-toolbar">
      <SearchBox />
      <FilterBar />
    </div>
  )
}
