import { SearchBox } from './SearchBox'
import { FilterBar } from './FilterBar'

/** Above the canvas: find a person, filter what stands out. */
export function MapToolbar() {
  return (
    <div className="map-toolbar">
      <SearchBox />
      <FilterBar />
    </div>
  )
}
