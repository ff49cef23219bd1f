import type { DealChanges, Deal, Stakeholder } from '@shared/model'
import { api, unwrap } from '../api'

interface Base {
  /** What main accepted this version as. */
  revision: string
  deal: Deal
  /** The version's people by id: an unchanged person is the very same object in the next version. */
  people: Map<string, Stakeholder>
}

/**
 * Sends an open deal's autosaves to main as changes against the version main last accepted
 * (`deal:save-changes`): the deal's own fields, its people's ids and only the people (and the
 * lines) that are not the very objects of that version. Edits are immutable updates, so an
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
      const answer = unwrap(await api.saveDealChanges(changesOf(base, deal)))
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
  return revision ? { revision, deal, people: new Map(deal.stakeholders.map((s) => [s.id, s])) } : null
}

/** What `deal` changes of `base`, as `deal:save-changes` takes it. */
export function changesOf(base: Base, deal: Deal): DealChanges {
  const { stakeholders, links, ...fields } = deal
  return {
    base: base.revision,
    deal: fields,
    stakeholderIds: stakeholders.map((s) => s.id),
    changed: stakeholders.filter((s) => base.people.get(s.id) !== s),
    ...(links !== base.deal.links ? { links } : {}),
  }
}
