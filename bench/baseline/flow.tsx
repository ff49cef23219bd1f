import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { GRAPH_GLOBAL, type BenchGraph } from './graph'

const graph = (window as unknown as Record<string, BenchGraph>)[GRAPH_GLOBAL]
const initialNodes: Node[] = graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label } }))
const initialEdges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }))

/**
 * Bare React Flow: default nodes and edges, the library's own state helpers. Only the
 * settings that decide what is drawn match the app's map (fit to view, the zoom range,
 * drawing only what is in view), so both draw the same graph in the same view.
 */
function Flow() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes)
  const [edges, , onEdgesChange] = useEdgesState(initialEdges)
  return (
    <div style={{ width: '100vw', height: '100vh' }} data-testid="baseline-flow">
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.05} maxZoom={2.5} onlyRenderVisibleElements />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Flow />
  </StrictMode>,
)
