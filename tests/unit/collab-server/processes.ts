import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { build } from 'rolldown'

const ROOT = resolve(import.meta.dirname, '../../..')
/** Inside the repo, so the bundle's bare imports resolve to our node_modules. */
const OUT = join(ROOT, 'node_modules', '.cache', 'collab-server-tests')

let built: Promise<string> | null = null

/** The real `war-room` CLI bundled for a bare `node` child (our sources, node_modules left external). */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    await mkdir(OUT, { recursive: true })
    const file = join(OUT, `cli-${process.pid}.mjs`)
    await build({
      input: join(ROOT, 'electron/cli/index.ts'),
      platform: 'node',
      resolve: { alias: { '@shared': join(ROOT, 'shared') } },
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@shared'),
      output: { file, format: 'esm' },
      logLevel: 'silent',
    })
    return file
  })()
  return built
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolvePort(port))
    })
  })
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  output(): string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
}

/** `war-room serve …` in its own process; resolves once it prints "listening on". */
export async function serveProcess(args: string[]): Promise<ServerProcess> {
  const cli = await cliBundle()
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening on (ws:\/\/\S+)/.exec(out)
      if (m) resolveUrl(m[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (c: Buffer) => void (out += c.toString()))
    void exited.then((code) => reject(new Error(`war-room serve exited with ${code} before listening:\n${out}`)))
  })
  return { url, child, output: () => out, exited }
}

/** `war-room …` to completion. */
export async function cliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = await cliBundle()
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()))
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)))
  return { code, stdout, stderr }
}

/** True when this machine has redis-server (.ci/run installs it). */
export function hasRedis(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/** A throwaway redis-server on a port of its own, never saving to disk. */
export async function redisProcess(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort()
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  await new Promise<void>((ready, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('Ready to accept connections')) ready()
    })
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)))
  })
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => new Promise((done) => {
      child.once('exit', () => done())
      child.kill('SIGTERM')
    }),
  }
}
