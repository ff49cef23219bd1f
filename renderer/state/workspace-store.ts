import { create } from 'zustand'
import type { DealFactsPatch } from '@shared/deal-facts'
import type { AppError, DealSummary, Notice, WorkspaceView } from '@shared/ipc'
import { DEFAULT_SETTINGS, cleanText, type Deal, type Seller, type Settings } from '@shared/model'
import { analysisInputs, analyzeTeamCoverage, mapStatus } from '@shared/analysis'
import { api, messageOf, unwrap } from '../api'
import { applyLanguageSetting } from '../i18n'
import { today } from './today'
import { takeEarlyWorkspace } from './early-workspace'

/** What main's workspace view holds, plus loading state and the commands that change it. */
export interface WorkspaceState extends WorkspaceView {
  loaded: boolean
  loadError?: string
  load(): Promise<void>
  /** The team roster as main has it now, nothing else read again (a colleague's seller a shared deal brought). */
  reloadRoster(): Promise<void>
  updateSettings(patch: Partial<Settings>): Promise<void>
  saveSeller(seller: Seller): Promise<void>
  archiveSeller(id: string, archived: boolean): Promise<void>
  createDeal(fields: { name: string; customer: string } & DealFactsPatch): Promise<Deal>
  renameDeal(id: string, name: string): Promise<void>
  duplicateDeal(id: string, name: string): Promise<Deal>
  deleteDeal(id: string): Promise<void>
  /** Keep the list in step with a deal edited in the deal view. */
  noteDealChanged(deal: Deal): void
  /** Choose the workspace's company template in main's file dialog; what went wrong, if anything. */
  pickDeckTemplate(): Promise<TemplateChoice>
  clearDeckTemplate(): Promise<void>
  addNotices(notices: Notice[]): void
  dismissNotice(index: number): void
}

/** How choosing a template ended: chosen, cancelled, or refused (with main's error for words in the user's language). */
export type TemplateChoice = { kind: 'chosen' | 'cancelled' } | { kind: 'refused'; error: AppError }

export function summaryOf(deal: Deal, previous?: DealSummary): DealSummary {
  return {
    ...previous,
    id: deal.id,
    name: deal.name,
    customer: deal.customer,
    stage: deal.stage,
    amount: deal.amount,
    closeDate: deal.closeDate,
    updatedAt: deal.updatedAt ?? previous?.updatedAt,
    stakeholderCount: deal.stakeholders.length,
    team: deal.team,
  }
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  loaded: false,
  settings: DEFAULT_SETTINGS,
  roster: [],
  deals: [],
  damaged: [],
  conflictCopies: [],
  recentDealIds: [],
  notices: [],

  async load() {
    try {
      // The first load takes the answer the entry asked for before the app's code had loaded.
      const view = unwrap(await (takeEarlyWorkspace() ?? api.loadWorkspace()))
      applyLanguageSetting(view.settings.language)
      set({ loaded: true, loadError: undefined, ...view, deckTemplate: view.deckTemplate, notices: [...get().notices, ...view.notices] })
    } catch (e) {
      set({ loaded: true, loadError: messageOf(e) })
    }
  },

  async reloadRoster() {
    const result = await api.loadWorkspace().catch(() => null)
    if (result?.ok) set({ roster: result.value.roster })
  },

  async updateSettings(patch) {
    const settings = unwrap(await api.updateSettings(patch))
    if (patch.language) applyLanguageSetting(settings.language)
    set({ settings })
  },

  async pickDeckTemplate() {
    const result = await api.pickDeckTemplate()
    if (result.ok) {
      set({ deckTemplate: result.value })
      return { kind: 'chosen' }
    }
    return result.error.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'refused', error: result.error }
  },

  async clearDeckTemplate() {
    unwrap(await api.clearDeckTemplate())
    set({ deckTemplate: undefined })
  },

  async saveSeller(seller) {
    set({ roster: unwrap(await api.saveSeller(seller)) })
  },

  async archiveSeller(id, archived) {
    set({ roster: unwrap(await api.archiveSeller(id, archived)) })
  },

  async createDeal(fields) {
    // Typed or pasted into the new-deal form: cleaned here, as every edit is, not refused by main.
    const deal = unwrap(await api.createDeal({ ...fields, name: cleanText(fields.name), customer: cleanText(fields.customer) }))
    set({ deals: [...get().deals, summaryOf(deal)] })
    return deal
  },

  async renameDeal(id, name) {
    const opened = unwrap(await api.openDeal(id))
    const deal = { ...opened.deal, name: cleanText(name) }
    unwrap(await api.saveDeal(deal))
    get().noteDealChanged(deal)
  },

  async duplicateDeal(id, name) {
    const deal = unwrap(await api.duplicateDeal(id, cleanText(name)))
    set({ deals: [...get().deals, summaryOf(deal)] })
    return deal
  },

  async deleteDeal(id) {
    unwrap(await api.deleteDeal(id))
    set({ deals: get().deals.filter((d) => d.id !== id), recentDealIds: get().recentDealIds.filter((r) => r !== id) })
  },

  noteDealChanged(deal) {
    const deals = get().deals
    const index = deals.findIndex((d) => d.id === deal.id)
    if (index < 0) return
    const previous = deals[index]
    // The list's map status and team verdict follow live edits (cheap: one pass over the people).
    const status = mapStatus(deal)
    // Fed as every view feeds the analysis; only the team part is needed for the verdict.
    const inputs = analysisInputs(deal, get(), today())
    const verdict = analyzeTeamCoverage(deal, inputs.roster, inputs.openDeals, inputs.settings).verdict
    if (previous.name === deal.name && previous.customer === deal.customer && previous.stage === deal.stage &&
      previous.amount === deal.amount && previous.closeDate === deal.closeDate && previous.stakeholderCount === deal.stakeholders.length &&
      previous.team === deal.team && previous.mapStatus === status && previous.teamVerdict === verdict) return
    const next = deals.slice()
    next[index] = { ...summaryOf(deal, previous), mapStatus: status, teamVerdict: verdict }
    set({ deals: next })
  },

  addNotices(notices) {
    if (notices.length) set({ notices: [...get().notices, ...notices] })
  },

  dismissNotice(index) {
    set({ notices: get().notices.filter((_, i) => i !== index) })
  },
}))
