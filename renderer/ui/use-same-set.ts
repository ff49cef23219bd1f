import { useRef } from 'react'

/**
 * `next`, or the set this hook returned last time when it holds the same members: a set worked
 * out again from a new deal keeps its identity while nothing in it changed, so what is memoised
 * on it (the map's nodes and lines) is not made again for an edit that left it alone.
 */
export function useSameSet<T>(next: ReadonlySet<T>): ReadonlySet<T> {
  const last = useRef(next)
  const prev = last.current
  if (prev !== next && (prev.size !== next.size || [...next].some((x) => !prev.has(x)))) last.current = next
  return last.current
}
