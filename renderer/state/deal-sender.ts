import { changesBetween, type Deal } from '@shared/model'
import { api, unwrap } from '../api'

interface Base {
  /** What main accepted this version as. */
  revision: string
  deal: Deal
}

/**
 * Sends an open deal's autosaves to main as changes against the version main last accepted
 * (`deal:save-changes`, `changesBetween`): the deal's own fields, only the people (and the
 * lines) that are not the very objects of that version, and the people's ids only when their
 * order changed. Edits are immutable updates, so an
 * unchanged person keeps its object. When main answers `stale` (it restarted, another window
 * saved this deal, a save failed after it was checked) or no version is known, the whole deal
 * goes, as before. Either way main validates and writes the whole deal (docs/performance.md, "Save").
 */
export class DealSender {
  private base: Base | null

  constructor(deal: Deal, revision: string | null | undefined) {
    this.base = baseOf(deal, revision)
  }

  async save(deal: Deal): Promise<void> {
    const base = this.base
    if (base && base.deal.id === deal.id) {
      const answer = unwrap(await api.saveDealChanges(changesBetween(base.deal, base.revision, deal)))
      if (!answer.stale) {
        this.base = baseOf(deal, answer.revision)
        return
      }
    }
    const saved = unwrap(await api.saveDeal(deal))
    this.base = baseOf(deal, saved.revision)
  }
}

function baseOf(deal: Deal, revision: string | null | undefined): Base | null {
  return revision ? { revision, deal } : null
}
