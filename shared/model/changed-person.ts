import { StakeholderSchema, type Stakeholder } from './stakeholder'
import { sameData } from './same-data'

const SHAPE = StakeholderSchema.shape
type Key = keyof typeof SHAPE
/** The fields in the schema's order: a parse gives its output's keys in this order. */
const KEYS = Object.keys(SHAPE) as Key[]
const OPTIONAL = new Set(KEYS.filter((key) => SHAPE[key].safeParse(undefined).success))
/**
 * The schema has exactly one rule across fields (a name, or the placeholder flag), checked
 * below; should it ever get another, every changed person is parsed whole instead.
 */
const ONE_RULE = (StakeholderSchema as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks?.length === 1

/**
 * `item`, a new version of the validated person `before`, checked as `StakeholderSchema`
 * checks it, but parsing only the fields whose data differ from `before`'s; the others are
 * `before`'s validated values. An autosave after a drag changes one field of one person, and
 * parsing the whole person (relationships, contacts, actions) was the largest single cost of
 * a 1 MB autosave (docs/performance.md, "Save, part 5"). The result has the keys in the
 * schema's order, as a parse gives them, and the schema's one rule across fields is checked.
 *
 * `before` itself when nothing differs. Null at any doubt (a key the schema lacks, one
 * holding `undefined`, a field that fails): the caller then parses the whole person, for the
 * schema's own messages.
 */
export function checkChangedPerson(item: object, before: Stakeholder): Stakeholder | null {
  if (!ONE_RULE || Array.isArray(item) || Object.getPrototypeOf(item) !== Object.prototype) return null
  const value = item as Record<string, unknown>
  const known = before as Record<string, unknown>
  const out: Record<string, unknown> = {}
  let present = 0
  let changed = false
  for (const key of KEYS) {
    if (!Object.hasOwn(value, key)) {
      if (!OPTIONAL.has(key)) return null
      if (Object.hasOwn(known, key)) changed = true
      continue
    }
    present++
    const field = value[key]
    if (field === undefined) return null
    const was = known[key]
    if (field === was || (was !== undefined && sameData(field, was))) {
      out[key] = was
      continue
    }
    const parsed = SHAPE[key].safeParse(field)
    if (!parsed.success) return null
    out[key] = parsed.data
    changed = true
  }
  if (Object.keys(value).length !== present) return null
  if (!changed) return before
  if (out.name === '' && out.placeholder !== true) return null
  return out as Stakeholder
}
