import type { Api, AppError, ErrorCode, OutsideEdit, Result } from '@shared/ipc'
import type { FileIssue } from '@shared/model'

/**
 * The preload's `window.api`, looked up on each call so tests (and the browser bridge) can
 * install it after this module loads.
 */
export const api: Api = new Proxy({} as Api, {
  get: (_target, key) => (window.api as unknown as Record<PropertyKey, unknown>)[key],
})

/** A failed IPC call, carried as an exception so UI code can show it. */
export class AppFailure extends Error {
  readonly code: ErrorCode
  readonly issues?: FileIssue[]
  readonly reason?: string
  readonly size?: { bytes: number; limit: number }
  readonly conflict?: OutsideEdit
  constructor(error: AppError) {
    super(error.message)
    this.name = 'AppFailure'
    this.code = error.code
    this.issues = error.issues
    this.reason = error.reason
    this.size = error.size
    this.conflict = error.conflict
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new AppFailure(result.error)
}

/** A message fit to show for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
