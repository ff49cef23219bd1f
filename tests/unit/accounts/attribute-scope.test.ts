import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEAL_SCOPED, PERSON_SCOPED } from '@shared/accounts'
import { StakeholderSchema } from '@shared/model'

const METHOD = readFileSync(join(import.meta.dirname, '../../../docs/method.md'), 'utf8')

/** The rows of the attribute-scope table in docs/method.md: field names (in backticks) → scope. */
function documentedScopes(): Map<string, string> {
  const start = METHOD.indexOf('<!-- attribute-scope:')
  const rows = METHOD.slice(start).split('\n').slice(1).filter((l) => l.startsWith('|')).slice(2)
  const end = rows.findIndex((l) => !l.startsWith('|'))
  const scopes = new Map<string, string>()
  for (const row of end < 0 ? rows : rows.slice(0, end)) {
    const cells = row.split('|').map((c) => c.trim())
    for (const [, field] of cells[2].matchAll(/`([^`]+)`/g)) scopes.set(field, cells[3])
  }
  return scopes
}

describe('attribute scoping (docs/method.md, "Accounts")', () => {
  it('every field of a stakeholder is person-scoped or deal-scoped, never both', () => {
    const fields = Object.keys(StakeholderSchema.shape).sort()
    expect([...PERSON_SCOPED, ...DEAL_SCOPED].sort()).toEqual(fields)
    expect(PERSON_SCOPED.filter((f) => (DEAL_SCOPED as readonly string[]).includes(f))).toEqual([])
  })

  it('the table in docs/method.md says the same as the code', () => {
    const documented = documentedScopes()
    for (const f of PERSON_SCOPED) expect(documented.get(f), f).toBe('person')
    for (const f of DEAL_SCOPED) expect(documented.get(f), f).toBe('deal')
    expect(documented.size).toBe(PERSON_SCOPED.length + DEAL_SCOPED.length)
  })

  it('the method\'s own list is person-scoped: title, department, contacts, relationships (reports-to is a line, carried as the manager)', () => {
    for (const f of ['title', 'department', 'contacts', 'relationships'] as const) expect(PERSON_SCOPED).toContain(f)
    for (const f of ['buyingRole', 'stance', 'favoredCompetitor'] as const) expect(DEAL_SCOPED).toContain(f)
  })
})
