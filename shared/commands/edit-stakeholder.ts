import type { Deal, Stakeholder } from '../model'
import { CommandError } from './types'

/**
 * Replace one stakeholder by `change(it)`; the same deal when `change` returns the same
 * object, so a command that changes nothing adds no undo step and no save.
 */
export function editStakeholder(deal: Deal, id: string, change: (s: Stakeholder) => Stakeholder): Deal {
  const index = deal.stakeholders.findIndex((s) => s.id === id)
  if (index < 0) throw new CommandError('unknown-stakeholder', 'This person is no longer on the map')
  const before = deal.stakeholders[index]
  const after = change(before)
  if (after === before) return deal
  const stakeholders = deal.stakeholders.slice()
  stakeholders[index] = after
  return { ...deal, stakeholders }
}
