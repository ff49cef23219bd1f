import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { Inspector } from '../../../renderer/map/inspector/Inspector'
import { useGlobalShortcuts } from '../../../renderer/app/use-shortcuts'

/** The map, the inspector and the global shortcuts, as the deal view puts them together. */
export function Room() {
  useGlobalShortcuts()
  return (
    <ReactFlowProvider>
      <div style={{ width: '1000px', height: '800px' }}>
        <StakeholderMap />
      </div>
      <Inspector />
    </ReactFlowProvider>
  )
}
