/**
 * Values derived from each item of a list, kept between versions of that list and derived
 * again only where the item at a position is not the very object it was last time. A deal's
 * next version shares all but the changed people with the one before (the validator keeps
 * them), so an autosave of a 1 MB deal derives one person's bytes and seller mentions, and
 * compares 807 pointers instead of looking 807 objects up in a WeakMap per pass
 * (docs/performance.md, "Save, part 5").
 *
 * Only sound for items that cannot change in place: the validator's frozen people.
 */
export interface ByPosition<T, V> {
  readonly items: readonly T[]
  readonly values: readonly V[]
}

export interface Rederived<T, V> extends ByPosition<T, V> {
  /** The positions derived again, with the value each had before (undefined: a new position, or every position when the length changed). */
  readonly changed: ReadonlyArray<{ index: number; before: V | undefined }>
}

export function rederive<T, V>(last: ByPosition<T, V> | undefined, items: readonly T[], derive: (item: T, index: number) => V): Rederived<T, V> {
  const comparable = last !== undefined && last.items.length === items.length
  const values: V[] = comparable ? last.values.slice() : new Array<V>(items.length)
  const changed: Array<{ index: number; before: V | undefined }> = []
  for (let i = 0; i < items.length; i++) {
    if (comparable && items[i] === last.items[i]) continue
    changed.push({ index: i, before: comparable ? last.values[i] : undefined })
    values[i] = derive(items[i], i)
  }
  return { items, values, changed }
}
