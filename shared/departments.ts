/**
 * Departments are free text; "Finance " and "finance" are the same department. The case is
 * folded with a fixed locale, not the machine's: under a Turkish locale "IT" would lower to
 * "ıt", and the map's filter (in the page) and the analysis (also in the CLI) would then
 * disagree about which people share a department.
 */
export function departmentKey(department: string): string {
  const known = keys.get(department)
  if (known !== undefined) return known
  const key = department.trim().toLocaleLowerCase('en')
  if (keys.size >= KEYS_MAX) keys.clear()
  keys.set(department, key)
  return key
}

// A deal has a few departments and a thousand people in them; the analysis asks for each
// person's department twice per run. Folding with an explicit locale costs about twice a
// Map look-up, so each distinct spelling is folded once (docs/performance.md, "Analysis at
// 1,000 people, part 2"). Bounded so a long-running process cannot grow it without limit.
const keys = new Map<string, string>()
const KEYS_MAX = 4096
