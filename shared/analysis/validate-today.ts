import type { Deal, FileIssue } from '../model'
import { formatPath } from '../model'
import { assertIsoDate } from './dates'

/**
 * The bad-input rules that need today's date: a contact dated in the
 * future and a "known since" after today. Scores outside 0–5 and sellers missing from the
 * roster are already refused by the file schema (shared/model). Returns issues located by
 * JSON path, like the file validator's; empty when the file is fine. ISO dates compare as text.
 */
export function validateAgainstToday(file: { deal: Pick<Deal, 'stakeholders'> }, today: string): FileIssue[] {
  assertIsoDate(today)
  const issues: FileIssue[] = []
  file.deal.stakeholders.forEach((s, i) => {
    s.contacts.forEach((c, j) => {
      if (c.date > today) {
        issues.push({
          path: formatPath(['deal', 'stakeholders', i, 'contacts', j, 'date']),
          message: `The contact with ${s.name} is dated ${c.date}, after today (${today}); a contact can only be logged once it has happened`,
        })
      }
    })
    s.relationships.forEach((r, j) => {
      if (r.knownSince && r.knownSince > today) {
        issues.push({
          path: formatPath(['deal', 'stakeholders', i, 'relationships', j, 'knownSince']),
          message: `"Known since" for ${s.name} is ${r.knownSince}, after today (${today})`,
        })
      }
    })
  })
  return issues
}
