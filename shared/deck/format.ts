/** Dates stay ISO (2026-03-12) on slides: unambiguous in both languages and sortable. */
export function formatDate(iso: string | null | undefined, fallback: string): string {
  return iso ? iso : fallback
}
