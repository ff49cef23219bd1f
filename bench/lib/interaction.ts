/**
 * Scripted input and frame timing in a page: real mouse events through page.mouse, paced by
 * the wall clock, and the intervals between requestAnimationFrame callbacks meanwhile.
 */
import type { Page } from 'playwright-core'
import { percentile } from './stats'

export interface FrameStats {
  frames: number
  medianFps: number
  medianMs: number
  p95Ms: number
  maxMs: number
}

/**
 * Frame statistics of one gesture. The median is time-weighted: the frame length the user
 * sees for half of the gesture's time. (A plain median of intervals would let 9 quick frames
 * hide 3 seconds of stall.) The 95th percentile is over frames.
 */
export function frameStats(intervals: readonly number[]): FrameStats {
  const medianMs = timeWeightedMedian(intervals)
  return { frames: intervals.length, medianFps: 1000 / medianMs, medianMs, p95Ms: percentile(intervals, 95), maxMs: Math.max(...intervals) }
}

export function timeWeightedMedian(intervals: readonly number[]): number {
  if (intervals.length === 0) return NaN
  const sorted = [...intervals].sort((a, b) => a - b)
  const half = sorted.reduce((a, b) => a + b, 0) / 2
  let seen = 0
  for (const interval of sorted) {
    seen += interval
    if (seen >= half) return interval
  }
  return sorted[sorted.length - 1]
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__frames = []
    w.__recording = true
    let last: number | undefined
    const tick = (t: number) => {
      if (last !== undefined) w.__frames.push(t - last)
      last = t
      if (w.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Move the pressed mouse along `path(t)` (t from 0 to 1) for `ms`, about 60 moves a second. */
async function glide(page: Page, ms: number, path: (t: number) => { x: number; y: number }): Promise<void> {
  const start = performance.now()
  for (let next = start; ; next += 16) {
    const t = (performance.now() - start) / ms
    if (t >= 1) break
    const p = path(t)
    await page.mouse.move(p.x, p.y)
    const wait = next + 16 - performance.now()
    if (wait > 0) await sleep(wait)
  }
}

/** Points near the middle of the window, nearest first (a spiral), with room to move around them. */
async function pointsNearMiddle(page: Page): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate(() => {
    const w = window.innerWidth
    const h = window.innerHeight
    const out: Array<{ x: number; y: number }> = []
    for (let r = 0; r < Math.min(w, h) / 3; r += 8) {
      for (let a = 0; a < 360; a += 15) out.push({ x: Math.round(w / 2 + r * Math.cos((a * Math.PI) / 180)), y: Math.round(h / 2 + r * Math.sin((a * Math.PI) / 180)) })
    }
    return out
  })
}

const afterTwoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))))

/**
 * Moves the pointer to the first point near the middle where `test` holds once the page has
 * reacted to the pointer being there (the app shows a DOM card under the pointer when the map
 * is drawn on a canvas far out, so what is under a point is known only after hovering it).
 */
async function hoverUntil(page: Page, test: (p: { x: number; y: number }) => boolean, what: string): Promise<{ x: number; y: number }> {
  const points = await pointsNearMiddle(page)
  // Without hovering first: the points already right (bare React Flow, a DOM map).
  // A string, so the page's CSP (no eval) does not apply: CDP evaluates it.
  const ready = await page.evaluate(`${JSON.stringify(points)}.find(${test.toString()}) ?? null`) as { x: number; y: number } | null
  const order = ready ? [ready, ...points] : points
  for (const p of order) {
    await page.mouse.move(p.x, p.y)
    await afterTwoFrames(page)
    if (await page.evaluate(`(${test.toString()})(${JSON.stringify(p)})`)) return p
  }
  throw new Error(`No ${what} near the middle`)
}

/** A point of empty canvas near the middle with room to move around it. */
function panePoint(page: Page): Promise<{ x: number; y: number }> {
  return hoverUntil(page, (p) => Boolean(document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane')), 'empty canvas to grab for a pan')
}

/** The centre of a card that is on top at its own centre, with room to drag it around. */
async function cardPoint(page: Page): Promise<{ x: number; y: number }> {
  const under = await hoverUntil(page, (p) => {
    const el = document.elementFromPoint(p.x, p.y)
    return Boolean(el?.closest('.react-flow__node') && !el.closest('.react-flow__handle'))
  }, 'card to drag')
  // Its centre, where the drag starts (the pointer is already over the card).
  const centre = await page.evaluate((p) => {
    const node = document.elementFromPoint(p.x, p.y)!.closest('.react-flow__node')!
    const b = node.getBoundingClientRect()
    const c = { x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2) }
    return node.contains(document.elementFromPoint(c.x, c.y)) && !document.elementFromPoint(c.x, c.y)?.closest('.react-flow__handle') ? c : p
  }, under)
  return centre
}

/** Drag the empty canvas back and forth (300 px, 150 px) for `ms`. */
export async function pan(page: Page, ms: number): Promise<number[]> {
  const at = await panePoint(page)
  await page.mouse.move(at.x, at.y)
  await startFrames(page)
  await page.mouse.down()
  await glide(page, ms, (t) => ({ x: at.x - 300 * Math.sin(2 * Math.PI * t), y: at.y - 150 * Math.sin(2 * Math.PI * t) }))
  await page.mouse.up()
  return stopFrames(page)
}

/** Drag one card round a 120 px circle for `ms`. */
export async function dragCard(page: Page, ms: number): Promise<number[]> {
  const at = await cardPoint(page)
  await page.mouse.move(at.x, at.y)
  await startFrames(page)
  await page.mouse.down()
  await glide(page, ms, (t) => ({ x: at.x + 120 * Math.sin(2 * Math.PI * t), y: at.y + 120 * (1 - Math.cos(2 * Math.PI * t)) }))
  await page.mouse.up()
  return stopFrames(page)
}

/** Idle frames: what the page does with nothing happening (for the record). */
export async function idle(page: Page, ms: number): Promise<number[]> {
  await startFrames(page)
  await sleep(ms)
  return stopFrames(page)
}
