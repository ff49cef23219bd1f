import { serverUrlProblem, tokenProblem } from '@shared/ipc-collab'

export interface ShareDraft {
  serverUrl: string
  token: string
  name: string
  email: string
  dealId: string
}

export type ShareField = keyof ShareDraft

/** What is wrong with each field, as a key of the `collab:issue` words (the same rules main's contract applies). */
export function shareIssues(draft: ShareDraft, mode: 'share' | 'join'): Partial<Record<ShareField, string>> {
  const issues: Partial<Record<ShareField, string>> = {}
  const url = serverUrlProblem(draft.serverUrl)
  if (url) issues.serverUrl = `issue.serverUrl.${url}`
  const token = tokenProblem(draft.token)
  if (token) issues.token = `issue.token.${token}`
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (draft.name.trim() === '' || /[\u0000-\u001f\u007f]/.test(draft.name) || draft.name.length > 200) issues.name = 'issue.name'
  const email = draft.email.trim()
  if (email !== '' && (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)) issues.email = 'issue.email'
  if (mode === 'join' && !/^[A-Za-z0-9_-]{1,64}$/.test(draft.dealId.trim())) issues.dealId = 'issue.dealId'
  return issues
}

/** A failed share or join, as a key of the `collab:failed` words (main's reason, when it gave one). */
export function failureKey(reason: string | undefined): string | null {
  return reason && ['unreachable', 'no-such-deal', 'already-here', 'no-keychain'].includes(reason) ? `failed.${reason}` : null
}
