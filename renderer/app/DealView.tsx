import { ReactFlowProvider } from '@xyflow/react'
import { TopBar } from './TopBar'
import { SidePanel } from './SidePanel'
import { StakeholderMap } from '../map'
import { MapToolbar } from '../map'
import { MapOverlays } from '../map'
import { PeopleTable, usePeopleViewStore, ViewSwitch } from '../people'

/** An open deal: the top bar, the map (or the people table) on the left, the side panel tabs on the right. */
export function DealView() {
  const view = usePeopleViewStore((s) => s.view)
  return (
    <ReactFlowProvider>
      <div className="deal-view">
        <TopBar />
        <div className="deal-body">
          <main className={view === 'table' ? 'map-area people-area' : 'map-area'}>
            <div className="view-bar"><ViewSwitch /></div>
            {view === 'table' ? <PeopleTable /> : (
              <>
                <MapToolbar />
                <StakeholderMap />
                <MapOverlays />
              </>
            )}
          </main>
          <SidePanel />
        </div>
      </div>
    </ReactFlowProvider>
  )
}
