import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type Channel, type ErrorCode, type HandlerTable, type Result } from '@shared/ipc'
import { createHandlers } from '../../../electron/main/handlers'
import { handleIpcCall, invokeChannel, registerIpc } from '../../../electron/main/ipc'
import { makeIsAppUrl } from '../../../electron/main/security-policy'
import { snapshotTree, tempDir, manualClock } from '../store/helpers'

const ALL_CHANNELS = Object.keys(CHANNELS) as Channel[]
const ERROR_CODES: ErrorCode[] = ['invalid-request', 'forbidden', 'not-found', 'invalid-file', 'damaged', 'io', 'cancelled', 'too-large', 'conflict', 'internal']
const APP_URL = 'file:///opt/deal-war-room/resources/app.asar/out/renderer/index.html'
const isAppUrl = makeIsAppUrl({ rendererIndexUrl: APP_URL })

/** Handlers over a set-up data folder, with dialogs, shell and clipboard that record use. */
async function setUp() {
  const dataDir = await tempDir()
  const used: string[] = []
  const handlers = createHandlers({
    dataDir,
    clock: manualClock(),
    dialogs: { saveFile: async () => (used.push('saveFile'), null), openFile: async () => (used.push('openFile'), null) },
    shell: { openExternal: async (url) => void used.push(`open ${url}`) },
    clipboard: { writeImage: () => void used.push('clipboard') },
  })
  await handlers['workspace:load']()
  return { dataDir, handlers, used }
}

function expectTypedError(result: Result<unknown>, code?: ErrorCode) {
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(ERROR_CODES).toContain(result.error.code)
  expect(typeof result.error.message).toBe('string')
  expect(result.error.message.length).toBeGreaterThan(0)
  if (code) expect(result.error.code).toBe(code)
}

describe('invokeChannel', () => {
  it('answers wrong arguments with invalid-request and the issues, without calling the handler', async () => {
    const { handlers, dataDir } = await setUp()
    const before = await snapshotTree(dataDir)
    const result = await invokeChannel(handlers, 'deal:save', [{ id: 'x', name: '' }])
    expectTypedError(result, 'invalid-request')
    expect(!result.ok && result.error.issues?.length).toBeGreaterThan(0)
    expectTypedError(await invokeChannel(handlers, 'deal:open', ['../../etc/passwd']), 'invalid-request')
    expectTypedError(await invokeChannel(handlers, 'deal:open', []), 'invalid-request')
    expectTypedError(await invokeChannel(handlers, 'deal:open', ['a', 'extra']), 'invalid-request')
    expectTypedError(await invokeChannel(handlers, 'settings:update', [{ backupCount: 10_000 }]), 'invalid-request')
    expectTypedError(await invokeChannel(handlers, 'no:such-channel', []), 'invalid-request')
    expectTypedError(await invokeChannel(handlers, '__proto__', []), 'invalid-request')
    expect(await snapshotTree(dataDir)).toEqual(before)
  })

  it('turns an unexpected exception into an internal error instead of throwing', async () => {
    const { handlers } = await setUp()
    const broken = { ...handlers, 'app:info': async () => { throw new TypeError('boom') } } as HandlerTable
    const original = console.error
    console.error = () => undefined
    try {
      expectTypedError(await invokeChannel(broken, 'app:info', []), 'internal')
    } finally {
      console.error = original
    }
  })

  it('only opens https links in the browser', async () => {
    const { handlers, used } = await setUp()
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'http://example.com']) {
      expectTypedError(await invokeChannel(handlers, 'app:open-external', [url]), 'invalid-request')
    }
    expect(await invokeChannel(handlers, 'app:open-external', ['https://example.com/help'])).toEqual({ ok: true, value: null })
    expect(used).toEqual(['open https://example.com/help'])
  })
})

describe('sender check', () => {
  it('refuses calls from any frame that is not the app page, before looking at the arguments', async () => {
    const { handlers, dataDir } = await setUp()
    const before = await snapshotTree(dataDir)
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank', '', undefined, 'devtools://devtools/bundled/inspector.html']) {
      expectTypedError(await handleIpcCall(handlers, isAppUrl, 'deal:create', url, [{ name: 'Pwned', customer: '' }]), 'forbidden')
    }
    expect(await snapshotTree(dataDir)).toEqual(before)
    expect(await handleIpcCall(handlers, isAppUrl, 'app:info', `${APP_URL}#/deals`, [])).toMatchObject({ ok: true })
  })

  it('registerIpc registers every channel, each checking the sender frame', async () => {
    const { handlers } = await setUp()
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>>()
    registerIpc({ handle: (ch: string, fn: never) => void registered.set(ch, fn) } as never, handlers, isAppUrl)
    expect([...registered.keys()].sort()).toEqual([...ALL_CHANNELS].sort())
    const call = registered.get('workspace:load')!
    expectTypedError(await call({ senderFrame: { url: 'https://evil.example/' } }), 'forbidden')
    expectTypedError(await call({ senderFrame: null }), 'forbidden')
    expect(await call({ senderFrame: { url: APP_URL } })).toMatchObject({ ok: true })
  })
})

describe('IPC fuzzing', () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

  it(`every channel answers fc.anything() arguments (${RUNS} cases each) with a typed result, never throws, never writes`, async () => {
    const { handlers, dataDir, used } = await setUp()
    let cases = 0
    let accepted = 0
    for (const channel of ALL_CHANNELS) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })), async (args) => {
          const before = await snapshotTree(dataDir)
          let result: Result<unknown>
          try {
            result = await invokeChannel(handlers, channel, args)
          } catch (error) {
            throw new Error(`${channel} threw: ${String(error)}`, { cause: error })
          }
          cases++
          if (result.ok) {
            accepted++ // arguments that happen to be valid (e.g. [] for app:info) may succeed
            return
          }
          expectTypedError(result)
          expect(await snapshotTree(dataDir)).toEqual(before)
        }),
        { numRuns: RUNS },
      )
    }
    // Nothing reached the dialogs, the shell or the clipboard with fuzzed arguments.
    expect(used.filter((u) => u !== 'openFile')).toEqual([])
    console.log(`IPC fuzz: ${ALL_CHANNELS.length} channels, ${cases} cases, ${accepted} accepted as valid by chance`)
    expect(cases).toBe(ALL_CHANNELS.length * RUNS)
  }, 300_000)
})
