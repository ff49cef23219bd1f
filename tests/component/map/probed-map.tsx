import { ReactFlowProvider, useReactFlow, useStore, useStoreApi, type ReactFlowInstance } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'

/**
 * What React Flow holds under the editing map, for tests that count what an edit hands it
 * (docs/performance.md, "A colleague's edit, card by card"): every node list its store has
 * held, in order, its store and its instance (to set the zoom as a user would).
 */
export const flowProbe = {
  nodeLists: [] as unknown[],
  store: null as ReturnType<typeof useStoreApi> | null,
  flow: null as ReactFlowInstance | null,
}

function FlowProbe() {
  flowProbe.store = useStoreApi()
  flowProbe.flow = useReactFlow()
  const nodes = useStore((s) => s.nodes)
  if (flowProbe.nodeLists.at(-1) !== nodes) flowProbe.nodeLists.push(nodes)
  return null
}

/** The editing map in a canvas of `width`×`height`, with the probe and whatever else the test puts beside it. */
export function ProbedMap({ width = 1000, height = 800, children }: { width?: number; height?: number; children?: React.ReactNode }) {
  return (
    <ReactFlowProvider>
      <div style={{ width: `${width}px`, height: `${height}px` }}>
        <StakeholderMap />
      </div>
      {children}
      <FlowProbe />
    </ReactFlowProvider>
  )
}
