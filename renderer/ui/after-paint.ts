import { useEffect, useState } from 'react'

/**
 * Run `next` once the frame being prepared now has been painted: a frame callback runs just
 * before that paint, and a task queued from it runs after. For work the first frame of a view
 * does not need (docs/performance.md, "Open, part 2"). Returns a cancel.
 */
export function afterNextPaint(next: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(next, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}

/**
 * False in a component's first frame, true once that frame has been painted: for a part the
 * first frame of a view can do without, so that frame comes sooner (docs/performance.md,
 * "Open, part 3").
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => (painted ? undefined : afterNextPaint(() => setPainted(true))), [painted])
  return painted
}
