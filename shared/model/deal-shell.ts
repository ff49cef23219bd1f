import { z } from 'zod'
import { DealSchema } from './deal'
import { LIMITS } from './limits'
import { deepFreeze, sameData } from './same-data'

/** The deal's own fields, and how an autosave's are checked against the last accepted ones (deal-validator.ts). */

export const UpdatedAtSchema = DealSchema.shape.updatedAt

/** The deal's own fields with its stakeholders and lines unchecked (checked apart, below). */
export const DealShellSchema = z.strictObject({
  ...DealSchema.shape,
  // Passed on as they are, not copied item by item (z.array would): the lines main already
  // validated stay the very array it remembers, so an unchanged list costs an identity lookup
  // instead of a walk over every line (docs/performance.md, "Save").
  stakeholders: arrayOfAtMost(LIMITS.stakeholders),
  links: arrayOfAtMost(LIMITS.links),
})
export const LinksSchema = DealSchema.shape.links

/** An array of at most `max` items, checked one by one later. */
function arrayOfAtMost(max: number) {
  return z.custom<unknown[]>((value) => Array.isArray(value) && value.length <= max, { message: `Expected an array of at most ${max} items` })
}
export type DealShell = z.output<typeof DealShellSchema>

/** The shell's fields frozen; its people and lines are the validator's business. */
export function deepFreezeFields(shell: DealShell): DealShell {
  for (const [key, field] of Object.entries(shell)) if (key !== 'stakeholders' && key !== 'links') deepFreeze(field)
  return shell
}

/**
 * `value` as a checked shell when it holds the same keys as `known` and the same data under
 * each, but for its people and lines (arrays within the caps) and `updatedAt` (checked alone);
 * null for anything else (the schema decides).
 */
export function sameShell(value: Record<string, unknown>, known: DealShell): DealShell | null {
  const out: Record<string, unknown> = {}
  let keys = 0
  for (const key in known) {
    keys++
    if (!Object.hasOwn(value, key)) return null
    const field = value[key]
    if (key === 'stakeholders' || key === 'links') {
      if (!Array.isArray(field) || field.length > (key === 'links' ? LIMITS.links : LIMITS.stakeholders)) return null
      out[key] = field
    } else if (key === 'updatedAt') {
      if (field !== known.updatedAt && !UpdatedAtSchema.safeParse(field).success) return null
      out[key] = field
    } else {
      const before = (known as Record<string, unknown>)[key]
      if (field !== before && !sameData(field, before)) return null
      out[key] = before
    }
  }
  for (const _key in value) if (--keys < 0) return null
  return keys === 0 ? (out as DealShell) : null
}

