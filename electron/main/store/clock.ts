export type Clock = () => Date

export const systemClock: Clock = () => new Date()

/** A timestamp safe in file names on every OS: 2026-03-12T10-20-30-123Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** The inverse of `fileStamp`; null when the name is not a stamp. */
export function parseFileStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(stamp)
  if (!m) return null
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`)
  return Number.isNaN(date.getTime()) ? null : date
}
