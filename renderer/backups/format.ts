import { i18next } from '../i18n'

function locale(): string {
  return i18next.language || 'en'
}

/**
 * A backup's moment, to the second: several backups can share a minute (an outside edit keeps
 * one version, a restore another), and two rows that read the same cannot be told apart.
 */
export function formatBackupTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
}

/** A file size in KB (MB past 1,000 KB), in the user's language. */
export function formatFileSize(bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte']
  return new Intl.NumberFormat(locale(), { style: 'unit', unit, maximumFractionDigits: 1 }).format(value)
}
