import type { DamagedDeal, DealSummary, HandlerTable, Notice } from '@shared/ipc'
import type { Deal, DealIndexEntry, Seller } from '@shared/model'
import { AppFailure } from '../errors'
import type { HandlerContext } from './context'
import { scanDealsFolder } from './conflict-copies'
import { summarize } from './summaries'

type WorkspaceHandlers = Pick<HandlerTable, 'workspace:load' | 'settings:update' | 'roster:save' | 'roster:archive' | 'app:info' | 'app:set-language'>

export function workspaceHandlers(ctx: HandlerContext): WorkspaceHandlers {
  const { stores } = ctx
  return {
    async 'workspace:load'() {
      await ctx.ready()
      const notices: Notice[] = ctx.takeNotices()
      const ws = stores.workspace.current
      const loadedDeals: Array<{ entry: DealIndexEntry; deal: Deal }> = []
      const unreadable = new Set<string>()
      const damaged: DamagedDeal[] = []
      for (const entry of ws.deals) {
        const loaded = await stores.deals.load(entry.id)
        if (loaded.status === 'ok') {
          notices.push(...loaded.notices)
          loadedDeals.push({ entry, deal: loaded.value.deal })
        } else if (loaded.status === 'unreadable') {
          // Not damaged: listed from the index as it was; opening it reads it again.
          notices.push(...loaded.notices)
          unreadable.add(entry.id)
        } else if (loaded.status === 'damaged') {
          notices.push(...loaded.notices)
          damaged.push({ id: entry.id, file: loaded.file, reason: loaded.reason, ...(loaded.restoreError ? { restoreError: loaded.restoreError } : {}) })
        } else {
          damaged.push({ id: entry.id, file: stores.deps.paths.deal(entry.id), reason: 'the deal file is missing' })
        }
      }
      const summaries = new Map(summarize(loadedDeals, ws.roster, ws.settings, ctx.today()).map((d) => [d.id, d]))
      const deals = ws.deals.flatMap((entry): DealSummary[] => {
        const summary = summaries.get(entry.id)
        return summary ? [summary] : unreadable.has(entry.id) ? [{ ...entry }] : []
      })
      const { copies: conflictCopies } = await scanDealsFolder(stores, new Set(ws.deals.map((d) => d.id)))
      return {
        settings: ws.settings, roster: ws.roster, deals, damaged, conflictCopies, recentDealIds: ws.recentDealIds ?? [], notices,
        ...(ws.deckTemplate ? { deckTemplate: { name: ws.deckTemplate.name } } : {}),
      }
    },

    async 'settings:update'(patch) {
      await ctx.ready()
      const ws = await stores.workspace.update((w) => ({ ...w, settings: { ...w.settings, ...patch } }))
      return ws.settings
    },

    async 'roster:save'(seller) {
      await ctx.ready()
      const ws = await stores.workspace.update((w) => {
        const exists = w.roster.some((s) => s.id === seller.id)
        return { ...w, roster: exists ? w.roster.map((s) => (s.id === seller.id ? seller : s)) : [...w.roster, seller] }
      })
      return ws.roster
    },

    async 'roster:archive'(id, archived) {
      await ctx.ready()
      if (!stores.workspace.current.roster.some((s) => s.id === id)) throw new AppFailure('not-found', 'That seller is not on the roster.')
      const ws = await stores.workspace.update((w) => ({ ...w, roster: w.roster.map((s): Seller => (s.id === id ? { ...s, archived } : s)) }))
      return ws.roster
    },

    async 'app:info'() {
      return {
        version: ctx.options.info?.version ?? 'dev',
        locale: ctx.options.info?.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
        platform: ctx.options.info?.platform ?? process.platform,
      }
    },

    async 'app:set-language'(language) {
      ctx.options.menu?.setLanguage(language)
      return null
    },
  }
}
