import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS, CONTRACT, type AppError, type Channel, type HandlerTable, type Result } from '@shared/ipc'
import { issuesOf } from '@shared/model'
import { AppFailure } from './errors'
import { errnoCode } from './store/durable-fs'
import type { InFlight } from './in-flight'
import type { IsAppUrl } from './security-policy'

const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(CHANNELS, name)

/**
 * Validate a call against the channel's argument tuple and run its handler. This is where a
 * deal from the page is validated, once, by the contract the handler table carries (bound to
 * its deal store's validator); the handlers and the store take the `ValidDeal` it makes. Never throws:
 * every outcome, expected or not, comes back as a typed Result. Main's ipcMain handlers and
 * the browser test bridge both call this.
 */
export async function invokeChannel(handlers: HandlerTable, channel: unknown, args: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) return failure({ code: 'invalid-request', message: 'Unknown request.' })
    const parsed = handlers[CONTRACT][channel].args.safeParse(args)
    if (!parsed.success) {
      return failure({ code: 'invalid-request', message: 'The request was not understood (its arguments do not match).', issues: issuesOf(parsed.error) })
    }
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await handler(...(parsed.data as unknown[])) }
  } catch (error) {
    if (error instanceof AppFailure) return failure(error.appError)
    // A disk call that failed outside a guarded write (listing a folder, a stat) is still the
    // disk's doing: the page gets a typed io error it can say in the user's language.
    const code = errnoCode(error)
    if (code) return failure({ code: 'io', message: ioMessage(code), reason: code })
    console.error(`Request ${String(channel)} failed:`, error)
    return failure({ code: 'internal', message: 'Something went wrong on our side; nothing was changed. Please try again.' })
  }
}

/** The sender check plus dispatch, for one call arriving over IPC. */
export function handleIpcCall(handlers: HandlerTable, isAppUrl: IsAppUrl, channel: Channel, senderUrl: string | undefined, args: unknown[]): Promise<Result<unknown>> {
  if (!isAppUrl(senderUrl)) {
    return Promise.resolve(failure({ code: 'forbidden', message: 'This request did not come from the app and was refused.' }))
  }
  return invokeChannel(handlers, channel, args)
}

/** Register one ipcMain handler per channel of the contract; `inFlight` lets quitting wait for running calls. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: HandlerTable, isAppUrl: IsAppUrl, inFlight?: InFlight): void {
  for (const channel of Object.keys(CHANNELS) as Channel[]) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const call = handleIpcCall(handlers, isAppUrl, channel, senderUrlOf(event), args)
      return inFlight ? inFlight.track(call) : call
    })
  }
}

function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  try {
    return event.senderFrame?.url
  } catch {
    return undefined // a frame that is gone has no URL, and so no rights
  }
}

function failure(error: AppError): Result<never> {
  return { ok: false, error }
}

/** Errors that trying again cannot clear: something in the data folder is not what it must be. */
const LASTING_CODES = new Set(['ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EROFS'])

function ioMessage(code: string): string {
  return LASTING_CODES.has(code)
    ? `Something in the data folder is not what the app expects (${code}): a file where a folder should be, or the reverse. Nothing was changed; move that item away and try again.`
    : `The data folder could not be used just now (${code}); nothing was changed. Try again.`
}
