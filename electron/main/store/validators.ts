import { LIMITS, WorkspaceSchema, issuesOf, parseDealFile, withoutBom, type DealFile, type DealValidator, type ValidDealFile, type Workspace } from '@shared/model'
import type { z } from 'zod'
import type { Validate } from './backups'
import { exceedsUtf8 } from '@shared/bytes'

/** Summarize a parse failure in one clause: the first problem and its JSON path. */
function describe(message: string, issues: Array<{ path: string; message: string }>): string {
  const first = issues[0]
  return first ? `${message}; first: ${first.path}: ${first.message}` : message
}

export const validateDealFileText: Validate<DealFile> = (text) => {
  const result = parseDealFile(text)
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: describe(result.message, result.issues) }
}

/**
 * `validateDealFileText` that also hands what it accepts to `validator`, branded as valid and
 * remembered, so the first save after a load does not validate every stakeholder again.
 */
export function dealFileTextValidator(validator: DealValidator): Validate<ValidDealFile> {
  return (text) => {
    const result = validator.parseFileText(text)
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: describe(result.message, result.issues) }
  }
}

/** `newestVersion`: the highest format version this build reads; a higher one is named as written by a newer app. */
export function validateJsonWith<T>(schema: z.ZodType<T>, what: string, maxBytes: number = LIMITS.fileBytes, newestVersion = 1): Validate<T> {
  return (input) => {
    const text = withoutBom(input)
    if (exceedsUtf8(text, maxBytes)) return { ok: false, message: `the ${what} is too large` }
    if (text.trim() === '') return { ok: false, message: `the ${what} is empty` }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      return { ok: false, message: `the ${what} is not valid JSON: ${(error as Error).message}` }
    }
    const version = (raw as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > newestVersion) {
      return { ok: false, message: `the ${what} was written by a newer version of the app (format version ${version})` }
    }
    const parsed = schema.safeParse(raw)
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: describe(`the ${what} does not match its format`, issuesOf(parsed.error)) }
  }
}

export const validateWorkspaceText: Validate<Workspace> = validateJsonWith(WorkspaceSchema, 'workspace file')
