/**
 * Today's calendar date (YYYY-MM-DD, the user's time zone) for the analysis and the fields
 * that refuse future dates. Tests pin it so scores and findings do not drift with the clock.
 */
let pinned: string | null = null

function localIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function today(): string {
  return pinned ?? localIso(new Date())
}

/** Fix "today" (tests); `null` follows the clock again. */
export function pinToday(date: string | null): void {
  pinned = date
}
