/** The graph the benchmark hands the baseline page (before its scripts run). */
export interface BenchGraph {
  nodes: Array<{ id: string; x: number; y: number; label: string }>
  edges: Array<{ id: string; source: string; target: string }>
}

export const GRAPH_GLOBAL = '__BENCH_GRAPH__'
