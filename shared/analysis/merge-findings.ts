import { sortFindings, type Finding } from './findings'

/**
 * One finding per person: the findings that name exactly one stakeholder (no owner, weak,
 * stale, an opponent…) are merged into one finding with several reasons, so a list shows a
 * person once with everything wrong about them. Department findings name many people and
 * team findings about seats are left as they are. Expects sorted findings; returns sorted.
 */
export function mergeFindingsByPerson(findings: readonly Finding[]): Finding[] {
  const byPerson = new Map<string, Finding[]>()
  for (const f of findings) {
    const id = personOf(f)
    if (id !== undefined) byPerson.set(id, [...(byPerson.get(id) ?? []), f])
  }
  const merged: Finding[] = []
  const done = new Set<string>()
  for (const f of findings) {
    const id = personOf(f)
    if (id === undefined) { merged.push(f); continue }
    if (done.has(id)) continue
    done.add(id)
    const reasons = byPerson.get(id)!
    merged.push(reasons.length === 1 ? f : mergeReasons(reasons))
  }
  return sortFindings(merged)
}

/** The original findings behind a list (a merged finding's reasons in its place). */
export function findingReasons(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => f.reasons ?? [f])
}

function personOf(f: Finding): string | undefined {
  return f.department === undefined && f.stakeholderIds?.length === 1 ? f.stakeholderIds[0] : undefined
}

function mergeReasons(reasons: Finding[]): Finding {
  const sorted = sortFindings(reasons)
  const [first] = sorted
  return {
    code: first.code,
    severity: first.severity,
    stakeholderIds: [...first.stakeholderIds!],
    params: first.params,
    message: sorted.map((r) => r.message).join(' '),
    ...(first.nextStep ? { nextStep: first.nextStep } : {}),
    reasons: sorted,
  }
}
