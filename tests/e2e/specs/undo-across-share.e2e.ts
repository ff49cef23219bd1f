import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCollabServer, type CollabServer } from '../../../electron/server/collab-server'
import { openApp, type App } from '../harness/app'
import { CollabPage } from '../poms/CollabPage'
import { DealsPage } from '../poms/DealsPage'
import { MapPage } from '../poms/MapPage'

const ANNA = { token: 'e2e-token-anna-kowalski-0001', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }

/** A private deal edited, then shared: Ctrl+Z still takes back what was done just before (docs/collaboration-app.md, "Undo across sharing"). */
describe('undo across "Share with team…"', () => {
  let serverDir: string
  let server: CollabServer
  let app: App
  beforeAll(async () => {
    serverDir = await mkdtemp(join(tmpdir(), 'e2e-undo-share-'))
    const tokensFile = join(serverDir, 'tokens.json')
    await writeFile(tokensFile, JSON.stringify([ANNA]))
    server = await startCollabServer({ dataDir: join(serverDir, 'data'), tokensFile, host: '127.0.0.1', port: 0, log: () => undefined, storeDebounceMs: 50 })
    app = await openApp()
    await app.page.setViewportSize({ width: 1280, height: 720 })
    await new DealsPage(app.page).waitUntilShown()
  })
  afterAll(async () => {
    await app?.close()
    await server?.stop()
    await rm(serverDir, { recursive: true, force: true })
  })

  it('adds a person to a private deal, shares it, and Ctrl+Z takes the person back; Ctrl+Shift+Z brings them again', async () => {
    const page = app.page
    await new DealsPage(page).create({ name: 'Contoso renewal', customer: 'Contoso' })
    const map = await new MapPage(page).waitUntilShown()
    await map.addWithToolbar()
    await expect.poll(() => map.inspectorField('name').isVisible()).toBe(true)
    await map.typeInField('name', 'Grace Liu')
    await expect.poll(() => map.card('Grace Liu').count()).toBe(1)

    const collab = new CollabPage(page)
    await collab.share({ serverUrl: server.url, token: ANNA.token, name: ANNA.name, email: ANNA.email })
    await expect.poll(() => collab.status(), { timeout: 15_000 }).toBe('connected')
    await expect.poll(() => page.getByTestId('action-undo').isDisabled()).toBe(false)

    await map.clickEmptyCanvas()
    await page.keyboard.press('Control+z') // the name typed
    await page.keyboard.press('Control+z') // the person added
    await expect.poll(() => map.cards.count()).toBe(0)
    await page.keyboard.press('Control+Shift+z')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => map.card('Grace Liu').count()).toBe(1)
  })
})
