/**
 * A CPU profile of a page during a gesture, through CDP's `Profiler` (BENCH_PROFILE=1), to find
 * causes (docs/performance.md), not to make rows: the top functions by self time, with the
 * share of the gesture's samples each holds ("(program)" and "(idle)" are the browser's own
 * work outside script: style, layout, paint, raster, and waiting).
 */
import type { Page } from 'playwright-core'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

export async function profileDuring<T>(page: Page, fn: () => Promise<T>, top = 15): Promise<{ result: T; top: string[] }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const result = await fn()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } }
  await cdp.detach()
  const byFrame = new Map<string, number>()
  let total = 0
  for (const node of profile.nodes) {
    const url = node.callFrame.url.split('/').pop()?.replace(/-[A-Za-z0-9_]{8}\.js$/, '.js') ?? ''
    const key = `${node.callFrame.functionName || '(anon)'} ${url}${url ? `:${node.callFrame.lineNumber + 1}` : ''}`
    byFrame.set(key, (byFrame.get(key) ?? 0) + (node.hitCount ?? 0))
    total += node.hitCount ?? 0
  }
  return { result, top: [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / total).toFixed(1)}% ${k}`) }
}
