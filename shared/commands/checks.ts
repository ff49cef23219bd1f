import type { z } from 'zod'
import { CommandError } from './types'

/** Refuse a value the deal's schema would refuse at save, with the schema's reason. */
export function checkValue(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value)
  if (!result.success) throw new CommandError('invalid-value', `${what}: ${result.error.issues[0]?.message ?? 'not a valid value'}`)
}

/** An empty name; a value that is no text at all is left to the field's schema check. */
export function checkName(name: unknown): void {
  if (typeof name === 'string' && name.trim() === '') throw new CommandError('empty-name', 'A name is required')
}

/** Refuse growing a list past the model's cap (the file would not save). */
export function checkRoom(length: number, limit: number, what: string): void {
  if (length >= limit) throw new CommandError('limit-reached', `${what} is full (at most ${limit})`)
}
