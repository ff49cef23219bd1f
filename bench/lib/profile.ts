import { Session } from 'node:inspector/promises'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

/** CPU-profile `fn` and return the functions with the most self time (for finding causes, not for rows). */
export async function topSelfTime(fn: () => unknown, runs: number, top = 15): Promise<string[]> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  for (let i = 0; i < runs; i++) await fn()
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } }
  session.disconnect()
  const byFrame = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`
    byFrame.set(key, (byFrame.get(key) ?? 0) + (node.hitCount ?? 0))
    total += node.hitCount ?? 0
  }
  return [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / total).toFixed(1)}% ${k}`)
}

/** CPU-profile `fn`; the share of samples under each function whose name matches `names` (inclusive time). */
export async function inclusiveTime(fn: () => unknown, runs: number, names: RegExp): Promise<string[]> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  const start = performance.now()
  for (let i = 0; i < runs; i++) await fn()
  const elapsed = (performance.now() - start) / runs
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } }
  session.disconnect()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const total = profile.nodes.reduce((t, n) => t + (n.hitCount ?? 0), 0)
  const sums = new Map<string, number>()
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id)!
    const key = `${node.callFrame.functionName} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`
    const counted = names.test(node.callFrame.functionName) && !open.has(key)
    if (counted) open.add(key)
    let hits = node.hitCount ?? 0
    for (const child of node.children ?? []) hits += walk(child, open)
    if (counted) {
      open.delete(key)
      sums.set(key, (sums.get(key) ?? 0) + hits)
    }
    return hits
  }
  walk(profile.nodes[0].id, new Set())
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${((elapsed * v) / total).toFixed(0)} ms (${((100 * v) / total).toFixed(0)}%) ${k}`)
}
