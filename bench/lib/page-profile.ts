/**
 * A CPU profile of a page during a gesture, through CDP's `Profiler` (BENCH_PROFILE=1), to find
 * causes (docs/performance.md), not to make rows: the top functions by self time, with the
 * share of the gesture's samples each holds ("(program)" and "(idle)" are the browser's own
 * work outside script: style, layout, paint, raster, and waiting).
 */
import type { Page } from 'playwright-core'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

export async function profileDuring<T>(page: Page, fn: () => Promise<T>, top = 15): Promise<{ result: T; top: string[]; inclusive: string[] }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const result = await fn()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } }
  await cdp.detach()
  if (process.env.BENCH_PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify(profile))
  const byFrame = new Map<string, number>()
  let total = 0
  const keyOf = (node: ProfileNode) => {
    const url = node.callFrame.url.split('/').pop()?.replace(/-[A-Za-z0-9_]{8}\.js$/, '.js') ?? ''
    return `${node.callFrame.functionName || '(anon)'} ${url}${url ? `:${node.callFrame.lineNumber + 1}` : ''}`
  }
  for (const node of profile.nodes) {
    byFrame.set(keyOf(node), (byFrame.get(keyOf(node)) ?? 0) + (node.hitCount ?? 0))
    total += node.hitCount ?? 0
  }
  const share = ([k, v]: [string, number]) => `${((100 * v) / total).toFixed(1)}% ${k}`
  return { result, top: [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(share), inclusive: inclusiveTop(profile.nodes, keyOf, top).map(share) }
}

/**
 * Samples under each function (itself and what it calls; a function on the stack twice counts
 * once): which component or handler a cost belongs to, which self time spreads too thin to show.
 */
function inclusiveTop(nodes: ProfileNode[], keyOf: (n: ProfileNode) => string, top: number): Array<[string, number]> {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const childIds = new Set(nodes.flatMap((n) => n.children ?? []))
  const totals = new Map<string, number>()
  const walk = (node: ProfileNode, onStack: Set<string>): number => {
    const key = keyOf(node)
    const fresh = !onStack.has(key)
    if (fresh) onStack.add(key)
    let hits = node.hitCount ?? 0
    for (const c of node.children ?? []) hits += walk(byId.get(c)!, onStack)
    if (fresh) {
      onStack.delete(key)
      totals.set(key, (totals.get(key) ?? 0) + hits)
    }
    return hits
  }
  for (const root of nodes.filter((n) => !childIds.has(n.id))) walk(root, new Set())
  return [...totals.entries()].filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, top)
}
