import type { z } from 'zod'
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

/** Refuse a value the deal's schema would refuse at save, with the schema's reason. */
export function checkValue(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value)
  if (!result.success) throw new CommandError('invalid-value', `${what}: ${result.error.issues[0]?.message ?? 'not a valid value'}`)
}

export function checkName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') throw new CommandError('empty-name', 'A name is required')
}

/** Refuse growing a list past the model's cap (the file would not save). */
export function checkRoom(length: number, limit: number, what: string): void {
  if (length >= limit) throw new CommandError('limit-reached', `${what} is full (at most ${limit})`)
}
