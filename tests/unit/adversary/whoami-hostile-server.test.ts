import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { askIdentity } from '../../../electron/collab/identity'

// A hostile or broken team server answering GET /whoami (docs/collaboration.md, "Authors are
// checked"): the app reads its answer, so the answer is bounded in size and in time.

let server: Server | null = null
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((r) => server?.close(r) ?? r(null))
  server = null
})

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `ws://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

const identity = JSON.stringify({ name: 'Anna', email: 'anna@example.com', role: 'editor' })

describe('a hostile server answering /whoami', () => {
  it('an endless answer is not read to the end: the app stops at a small cap and keeps the typed name', async () => {
    let sent = 0
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20) // JSON whitespace, forever
      const more = () => {
        while (sent < 512 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', more)
        }
        res.end(identity)
      }
      more()
    })
    const t0 = Date.now()
    expect(await askIdentity(url, 'token')).toBeNull()
    expect(Date.now() - t0).toBeLessThan(4_000)
    expect(sent).toBeLessThan(64 * 1024 * 1024)
  })

  it('an answer padded past the cap is refused even when it ends in a valid identity', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(' '.repeat(1024 * 1024) + identity)
    })
    expect(await askIdentity(url, 'token')).toBeNull()
  })

  it('a small valid answer is read; a redirect is not followed', async () => {
    const url = await serve((req, res) => {
      if (req.headers.authorization !== 'Bearer token') return void res.writeHead(401).end()
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(identity)
    })
    expect(await askIdentity(url, 'token')).toEqual(JSON.parse(identity))
    server?.close()
    const moved = await serve((_req, res) => void res.writeHead(302, { Location: 'http://127.0.0.1:1/whoami' }).end())
    expect(await askIdentity(moved, 'token')).toBeNull()
  })
})
