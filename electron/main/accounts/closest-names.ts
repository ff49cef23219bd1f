import { normaliseCustomer } from '@shared/accounts'

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]
}

/** Up to three known customers closest to `asked` (a typo, a prefix), for "did you mean". */
export function closestCustomers(asked: string, customers: readonly string[]): string[] {
  const key = normaliseCustomer(asked)
  const unique = [...new Map(customers.filter((c) => c.trim() !== '').map((c) => [normaliseCustomer(c), c.trim()])).entries()]
  return unique
    .map(([k, c]) => ({ c, d: k.includes(key) || key.includes(k) ? 0 : distance(key, k) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(key.length / 3)))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c, 'en'))
    .slice(0, 3)
    .map((x) => x.c)
}
