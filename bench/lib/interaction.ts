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

/** A point of empty canvas near the middle with room to move around it. */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const w = window.innerWidth
    const h = window.innerHeight
    for (let r = 0; r < Math.min(w, h) / 3; r += 8) {
      for (let a = 0; a < 360; a += 15) {
        const x = Math.round(w / 2 + r * Math.cos((a * Math.PI) / 180))
        const y = Math.round(h / 2 + r * Math.sin((a * Math.PI) / 180))
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y }
      }
    }
    return null
  })
  if (!point) throw new Error('No empty canvas to grab for a pan')
  return point
}

/** The centre of a card that is on top at its own centre, with room to drag it around. */
async function cardPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const w = window.innerWidth
    const h = window.innerHeight
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
    const centres = nodes.map((n) => {
      const b = n.getBoundingClientRect()
      return { node: n, x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2) }
    })
    centres.sort((a, b) => Math.hypot(a.x - w / 2, a.y - h / 2) - Math.hypot(b.x - w / 2, b.y - h / 2))
    for (const c of centres) {
      if (c.x < 200 || c.x > w - 200 || c.y < 200 || c.y > h - 200) continue
      if (c.node.contains(document.elementFromPoint(c.x, c.y)) && !document.elementFromPoint(c.x, c.y)?.closest('.react-flow__handle')) return { x: c.x, y: c.y }
    }
    return null
  })
  if (!point) throw new Error('No card to drag')
  return point
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
