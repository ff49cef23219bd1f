import { z } from 'zod'

/**
 * How many problems a file's check reports before it stops looking. A hostile 6 MB file of
 * empty objects holds millions of problems; zod, which has no way to stop early, builds an
 * issue object for every one of them and runs out of memory. Nobody reads past the first few
 * hundred, and the file is refused either way.
 */
export const MAX_ISSUES = 200

/** Problems found so far, as zod would report them; stops taking more at its limit. */
export class IssueSink {
  readonly issues: z.core.$ZodIssue[] = []
  /** True once a problem was found past the limit: the list is not complete. */
  truncated = false

  constructor(readonly limit: number = MAX_ISSUES) {}

  get full(): boolean {
    return this.truncated
  }

  /** Keep one problem; returns false (and marks the list truncated) once the limit is passed. */
  add(issue: z.core.$ZodIssue): boolean {
    if (this.issues.length >= this.limit) {
      this.truncated = true
      return false
    }
    this.issues.push(issue)
    return true
  }
}

/**
 * `schema.safeParse(value)` that never reports more than `limit` problems (then one more
 * saying so), and never does the work of finding them all. A value without problems is
 * parsed by the schema itself, refinements included.
 */
export function boundedSafeParse<T>(schema: z.ZodType<T>, value: unknown, limit = MAX_ISSUES): z.ZodSafeParseResult<T> {
  const sink = new IssueSink(limit)
  collectSchemaIssues(schema, value, sink)
  if (sink.issues.length === 0) return schema.safeParse(value)
  const issues = sink.truncated ? [...sink.issues, moreProblemsIssue(limit)] : sink.issues
  return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<T>
}

export const moreProblemsMessage = (limit: number): string => `…and more problems: checking stopped after the first ${limit}`

function moreProblemsIssue(limit: number): z.core.$ZodIssue {
  return { code: 'custom', path: [], message: moreProblemsMessage(limit), input: undefined } as z.core.$ZodIssue
}

/**
 * The problems `schema.safeParse(value)` would report, found piece by piece so the work stops
 * at the sink's limit: every array is checked element by element (its length caps first, and
 * never more elements than its cap), every object with nested arrays or objects is checked as
 * a shell of its own fields, then field by field. Messages and paths are the schema's own;
 * only the order differs (an object's own problems before its fields'). Object-level
 * refinements are not run here: in the deal file they are the reference checks, which run
 * bounded on their own (references.ts). So this only finds problems; a value is accepted only
 * by the full schema.
 */
export function collectSchemaIssues(schema: z.ZodType, value: unknown, sink: IssueSink, path: PropertyKey[] = []): void {
  if (sink.full) return
  // A small value (one typical stakeholder) cannot hold many problems: one parse is cheaper
  // than taking it apart.
  if (isSmall(value, SMALL_VALUE_NODES)) {
    addIssues(schema.safeParse(value), sink, path)
    return
  }
  if (schema instanceof z.ZodOptional) {
    if (value !== undefined) collectSchemaIssues(schema.unwrap() as z.ZodType, value, sink, path)
    return
  }
  if (schema instanceof z.ZodNullable) {
    if (value !== null) collectSchemaIssues(schema.unwrap() as z.ZodType, value, sink, path)
    return
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    addIssues(arrayShell(schema).safeParse(value), sink, path)
    const max = (schema._zod.bag as { maximum?: number }).maximum ?? Infinity
    const element = schema.element as z.ZodType
    for (let i = 0; i < value.length && i < max && !sink.full; i++) collectSchemaIssues(element, value[i], sink, [...path, i])
    return
  }
  if (schema instanceof z.ZodObject && isPlainObject(value)) {
    const split = nestedKeys(schema)
    if (split.length > 0) {
      addIssues(objectShell(schema, split).safeParse(value), sink, path)
      for (const key of split) {
        if (sink.full) return
        collectSchemaIssues(schema.shape[key] as z.ZodType, value[key], sink, [...path, key])
      }
      return
    }
  }
  addIssues(schema.safeParse(value), sink, path)
}

function addIssues(result: { success: boolean; error?: z.ZodError }, sink: IssueSink, path: PropertyKey[]): void {
  if (result.success || !result.error) return
  for (const issue of result.error.issues) if (!sink.add(path.length === 0 ? issue : { ...issue, path: [...path, ...issue.path] })) return
}

/**
 * Values of at most this many array items and object keys are parsed whole. Each node yields
 * a few problems at most (a `{}` where a contact belongs: four), so a whole parse builds at
 * most a few thousand issue objects.
 */
const SMALL_VALUE_NODES = 500

/** True when `value` has at most `budget` array items and object keys, counted depth first. */
function isSmall(value: unknown, budget: number): boolean {
  let left = budget
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    if (Array.isArray(v)) {
      left -= v.length
      if (left < 0) return false
      for (const item of v) if (typeof item === 'object' && item !== null) stack.push(item)
    } else {
      for (const key in v) {
        if (--left < 0) return false
        const item = (v as Record<string, unknown>)[key]
        if (typeof item === 'object' && item !== null) stack.push(item)
      }
    }
  }
  return true
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const arrayShells = new WeakMap<z.ZodType, z.ZodType>()
const objectShells = new WeakMap<z.ZodType, z.ZodType>()
const nestedKeysOf = new WeakMap<z.ZodType, string[]>()

/** The array with its own checks (length caps) and elements left unchecked. */
function arrayShell(schema: z.ZodArray): z.ZodType {
  let shell = arrayShells.get(schema)
  if (!shell) {
    shell = schema.clone({ ...schema._zod.def, element: z.unknown() })
    arrayShells.set(schema, shell)
  }
  return shell
}

/** The object's fields that hold arrays or objects (through optional/nullable). */
function nestedKeys(schema: z.ZodObject): string[] {
  let keys = nestedKeysOf.get(schema)
  if (!keys) {
    keys = Object.entries(schema.shape as Record<string, z.ZodType>).filter(([, s]) => isContainer(s)).map(([k]) => k)
    nestedKeysOf.set(schema, keys)
  }
  return keys
}

function isContainer(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return isContainer(schema.unwrap() as z.ZodType)
  return schema instanceof z.ZodArray || schema instanceof z.ZodObject
}

/**
 * The object with its nested fields accepting anything (present or not: each is then checked
 * with its own schema, which reports a missing required one), unknown keys still refused, and
 * no refinements.
 */
function objectShell(schema: z.ZodObject, split: string[]): z.ZodType {
  let shell = objectShells.get(schema)
  if (!shell) {
    const shape: Record<string, z.ZodType> = { ...(schema.shape as Record<string, z.ZodType>) }
    for (const key of split) shape[key] = z.unknown().optional()
    shell = schema.clone({ ...schema._zod.def, shape, checks: [] })
    objectShells.set(schema, shell)
  }
  return shell
}
