import { localIsoDate } from '@shared/analysis'

/**
 * Today's calendar date (YYYY-MM-DD, the user's time zone) for the analysis and the fields
 * that refuse future dates: the one "today" of the page. Tests pin it so scores and findings
 * do not drift with the clock.
 */
let pinned: string | null = null

export function today(): string {
  return pinned ?? localIsoDate(new Date())
}

/** Fix "today" (tests); `null` follows the clock again. */
export function pinToday(date: string | null): void {
  pinned = date
}
