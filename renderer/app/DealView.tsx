import { ReactFlowProvider } from '@xyflow/react'
import { TopBar } from './TopBar'
import { SidePanel } from './SidePanel'
import { StakeholderMap } from '../map/StakeholderMap'
import { MapToolbar } from '../map/MapToolbar'
import { MapOverlays } from '../map/MapOverlays'

/** An open deal: the top bar, the map on the left, the side panel tabs on the right. */
export function DealView() {
  return (
    <ReactFlowProvider>
      <div className="deal-view">
        <TopBar />
        <div className="deal-body">
          <main className="map-area">
            <MapToolbar />
            <StakeholderMap />
            <MapOverlays />
          </main>
          <SidePanel />
        </div>
      </div>
    </ReactFlowProvider>
  )
}
