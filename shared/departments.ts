/** Departments are free text; "Finance " and "finance" are the same department. */
export function departmentKey(department: string): string {
  return department.trim().toLocaleLowerCase()
}
