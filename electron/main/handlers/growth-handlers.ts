import type { HandlerTable, Notice } from '@shared/ipc'
import type { HistoryDeal } from '@shared/growth'
import { AppFailure } from '../errors'
import type { HandlerContext } from './context'

type GrowthHandlers = Pick<HandlerTable, 'growth:load' | 'growth:save'>

/** The seller profiles' data: growth.json, and every deal past and open to read seats and relationships from. */
export function growthHandlers(ctx: HandlerContext): GrowthHandlers {
  const { stores } = ctx
  return {
    async 'growth:load'() {
      await ctx.ready()
      const { growth, notices } = await stores.growth.load()
      const all: Notice[] = [...notices]
      const deals: HistoryDeal[] = []
      for (const entry of stores.workspace.current.deals) {
        const loaded = await stores.deals.load(entry.id)
        // Damaged or unreadable deals are reported by the deals list; the profile reads the rest.
        if (loaded.status !== 'ok') continue
        const { id, name, customer, stage, team, stakeholders } = loaded.value.deal
        deals.push({ id, name, customer, stage, team, stakeholders })
      }
      return { growth, deals, notices: all }
    },

    async 'growth:save'(sellerId, sellerGrowth) {
      await ctx.ready()
      if (!stores.workspace.current.roster.some((s) => s.id === sellerId)) throw new AppFailure('not-found', 'That seller is not on the roster.')
      return stores.growth.update((g) => ({ ...g, sellers: { ...g.sellers, [sellerId]: sellerGrowth } }))
    },
  }
}
