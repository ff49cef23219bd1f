import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { tempDir } from '../store/helpers'

describe('a data folder whose deals/ is a file', () => {
  it('answers a typed io error that says what is wrong instead of "try again", and writes nothing over that file', async () => {
    const dataDir = await tempDir('war-room-shape-')
    await writeFile(join(dataDir, 'deals'), 'not a folder')
    const handlers = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })
    const result = await invokeChannel(handlers, 'workspace:load', [])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('io')
    expect(result.error.reason).toBe('ENOTDIR')
    expect(result.error.message).toMatch(/a file where a folder should be/)
    expect(result.error.message).not.toMatch(/just now/)
  })
})
