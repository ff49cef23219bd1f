/**
 * File names for exports. Main takes only the base name; these keep the suggestion valid on
 * every OS (no path separators or characters Windows refuses) and under the contract's 200.
 */
const FORBIDDEN = '\\/:*?"<>|'

export function safeFileStem(name: string): string {
  const cleaned = [...name].map((c) => (c.charCodeAt(0) < 32 || FORBIDDEN.includes(c) ? ' ' : c)).join('')
    .replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 120).trim()
  return cleaned || 'deal'
}

/** `<deal name> – war room <date>.pptx`, as the export dialog suggests it. */
export function deckFileName(dealName: string, date: string): string {
  return `${safeFileStem(dealName)} – war room ${date}.pptx`
}

export function mapImageFileName(dealName: string, date: string, kind: 'png' | 'svg'): string {
  return `${safeFileStem(dealName)} – map ${date}.${kind}`
}

/** What the user typed, made safe, ending in `.pptx` (added when they left it off). */
export function normalizeDeckFileName(typed: string, fallback: string): string {
  const stem = safeFileStem(typed.trim().replace(/\.pptx$/i, ''))
  return typed.trim() ? `${stem}.pptx` : fallback
}
