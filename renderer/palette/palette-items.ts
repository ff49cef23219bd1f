import type { DealSummary } from '@shared/ipc'
import type { AppAction } from '../app'

export interface PaletteItem {
  id: string
  title: string
  /** Shortcut or other hint shown on the right. */
  hint?: string
  run(): void
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/**
 * Items whose title contains every word of the query (in any order), best first: titles that
 * start with the query, then word starts, then anywhere.
 */
export function matchItems(items: readonly PaletteItem[], query: string): PaletteItem[] {
  const q = fold(query.trim())
  if (!q) return [...items]
  const words = q.split(/\s+/)
  const scored = items.flatMap((item) => {
    const title = fold(item.title)
    const haystack = `${title} ${fold(item.id)}`
    if (!words.every((w) => haystack.includes(w))) return []
    const rank = title.startsWith(q) ? 0 : new RegExp(`(^|\\s)${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(title) ? 1 : 2
    return [{ item, rank }]
  })
  return scored.sort((a, b) => a.rank - b.rank).map((s) => s.item)
}

export function actionItems(
  actions: readonly AppAction[],
  translate: (key: string) => string,
  describe: (shortcut: string) => string,
  enabled: (a: AppAction) => boolean,
  run: (id: string) => void,
): PaletteItem[] {
  return actions
    .filter((a) => a.id !== 'view.palette' && enabled(a))
    .map((a) => ({ id: a.id, title: translate(a.titleKey), hint: a.shortcut?.[0] ? describe(a.shortcut[0]) : undefined, run: () => run(a.id) }))
}

export function dealItems(deals: readonly DealSummary[], recent: readonly string[], label: (name: string) => string, open: (id: string) => void): PaletteItem[] {
  const order = new Map(recent.map((id, i) => [id, i]))
  return [...deals]
    .sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999) || a.name.localeCompare(b.name))
    .map((d) => ({ id: `open-deal:${d.id}`, title: label(d.name), hint: d.customer || undefined, run: () => open(d.id) }))
}
