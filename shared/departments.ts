/**
 * Departments are free text; "Finance " and "finance" are the same department. The case is
 * folded with a fixed locale, not the machine's: under a Turkish locale "IT" would lower to
 * "ıt", and the map's filter (in the page) and the analysis (also in the CLI) would then
 * disagree about which people share a department.
 */
export function departmentKey(department: string): string {
  return department.trim().toLocaleLowerCase('en')
}
