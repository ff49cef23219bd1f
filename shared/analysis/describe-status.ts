import type { Translate } from './describe-finding'
import type { Severity } from './findings'
import type { MapStatus } from './map-status'
import type { TeamVerdict } from './team-coverage'

/** The words a status line is made of, from whichever catalog the caller reads. */
export interface StatusWords {
  status: string
  serious(count: number): string
  warnings(count: number): string
}

/**
 * "Green · 1 serious · 2 warnings": the map status is never shown without the findings still
 * open, so a green map with a serious finding does not read as all clear.
 */
export function statusLine(words: StatusWords, counts: Pick<Record<Severity, number>, 'error' | 'warning'>): string {
  const parts = [words.status]
  if (counts.error > 0) parts.push(words.serious(counts.error))
  if (counts.warning > 0) parts.push(words.warnings(counts.warning))
  return parts.join(' · ')
}

/** The map status line in the language of `t` (see statusLine). */
export function describeMapStatus(status: MapStatus, counts: Pick<Record<Severity, number>, 'error' | 'warning'>, t: Translate): string {
  return statusLine({
    status: t(`insights:mapStatus.${status}`),
    serious: (count) => t('insights:mapStatus.serious', { count }),
    // Two keys rather than plural suffixes, so any translate function picks the right one.
    warnings: (count) => t(count === 1 ? 'insights:mapStatus.warningOne' : 'insights:mapStatus.warningMany', { count }),
  }, counts)
}

/** The team verdict's short name in the language of `t`. */
export function describeVerdict(verdict: TeamVerdict, t: Translate): string {
  return t(`team:verdict.${verdict}.title`)
}
