/**
 * BENCH_ONLY=open,save,analysis,export runs only those groups of rows (while iterating on a
 * shared machine); unset runs every row. bench/run.mjs passes only the suites that hold a
 * wanted group, and each suite skips the groups that are not wanted (docs/performance.md).
 */
export type BenchGroup =
  | 'main' | 'canvas' | 'memory' | 'open' | 'save' | 'analysis' | 'export' | 'hostile' | 'csv' | 'tidy' | 'capture' | 'collab'

export function wantedGroups(value: string | undefined = process.env.BENCH_ONLY): Set<string> | null {
  const groups = (value ?? '').split(',').map((g) => g.trim().toLowerCase()).filter(Boolean)
  return groups.length ? new Set(groups) : null
}

/** True when the group's rows should run in this bench run. */
export function benchWants(group: BenchGroup): boolean {
  const wanted = wantedGroups()
  return wanted === null || wanted.has(group)
}
