import type { Role } from '../model'

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Codes of the team check, in the order the panel lists equal-severity findings. */
export const TEAM_FINDING_CODES = [
  'unknown-seller', 'missing-role', 'no-qualified-seat', 'unqualified-seat', 'multi-seat', 'single-point',
  'overloaded-seller', 'unowned-key-player', 'seat-kind-mismatch',
] as const
export type TeamFindingCode = (typeof TEAM_FINDING_CODES)[number]

/** Codes of the relationship and map insights. */
export const DEAL_FINDING_CODES = [
  'decision-maker-unknown', 'opponent-high-influence', 'key-player-weak', 'key-player-stale',
  'no-coach', 'single-threaded', 'department-uncovered', 'seat-not-identified', 'possible-duplicate',
] as const
export type DealFindingCode = (typeof DEAL_FINDING_CODES)[number]

export type FindingCode = TeamFindingCode | DealFindingCode

/** Values the UI interpolates into its translated sentence for a code (names, counts, roles). */
export type FindingParams = Record<string, string | number | readonly string[]>

/**
 * One thing the analysis noticed. `code` is stable (the UI translates by code + params);
 * `message` and `nextStep` are plain English for the CLI and as a fallback.
 */
export interface Finding {
  code: FindingCode
  severity: Severity
  role?: Role
  sellerIds?: string[]
  stakeholderIds?: string[]
  department?: string
  params: FindingParams
  message: string
  nextStep?: string
  /**
   * Set when several findings about one person were merged into this one (two or more, most
   * severe first): each is the complete original finding. Code, severity and params are the
   * first reason's; the message joins the reasons' messages.
   */
  reasons?: Finding[]
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }
const CODE_RANK = new Map<FindingCode, number>(
  [...TEAM_FINDING_CODES, ...DEAL_FINDING_CODES].map((code, i) => [code, i]),
)

/** Most severe first; within a severity by code, then in the order found (stable sort). */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || CODE_RANK.get(a.code)! - CODE_RANK.get(b.code)!,
  )
}

/** How many findings of each severity (a merged finding counts once, by its worst reason). */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
