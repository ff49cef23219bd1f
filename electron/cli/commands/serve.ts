import { randomBytes } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { nodeDurableFs } from '../../main/store/durable-fs'
import { writeSerialized } from '../../main/store/serial-writer'
import type { CliCommand, CliIo } from '../command'
import { InputError, readArgs, runCommand, UsageError } from '../inputs'
import { startCollabServer } from '../../server/collab-server'

export const SERVE_USAGE = `Usage: war-room serve --data DIR --tokens FILE [--host 127.0.0.1] [--port 1234] [--redis redis://127.0.0.1:6379]

Runs the collaboration server (Hocuspocus) that shares deals between the team's laptops.
  --data DIR      where the server keeps every shared deal's document (made if missing)
  --tokens FILE   JSON: [{ "token": "…", "name": "…", "email": "…", "role": "editor" | "viewer" }];
                  re-read when it changes (a bad edit keeps the last good tokens)
  --host HOST     the address to listen on (default 127.0.0.1: only this machine)
  --port PORT     default 1234; 0 picks a free port
  --redis URL     several server processes serve the same deals through this Redis
  --create-tokens when FILE does not exist, create it with one editor token (read it from
                  the file; it is never printed)
Prints "listening on ws://HOST:PORT" when ready; GET /health answers 200 with JSON.
Ctrl+C (SIGINT) or SIGTERM stores every open document, then exits 0.
`

interface Options {
  dataDir: string
  tokensFile: string
  host: string
  port: number
  redisUrl?: string
  createTokens: boolean
}

/** Resolves with the exit code once a signal has stopped the server (or it failed to start). */
export async function serveCommand(argv: string[], io: CliIo, signals: NodeJS.EventEmitter = process): Promise<number> {
  return runCommand(io, SERVE_USAGE, () => parseArgs(argv), async (options) => {
    let info = await stat(options.tokensFile).catch(() => null)
    if (!info && options.createTokens) {
      await createTokensFile(options.tokensFile)
      io.stderr(`Created ${options.tokensFile} with one editor token; copy it from there into "Share with team…" or war-room sync --token\n`)
      info = await stat(options.tokensFile).catch(() => null)
    }
    if (!info?.isFile()) throw new InputError(`The tokens file ${options.tokensFile} does not exist or is not a file`)
    let server
    try {
      server = await startCollabServer({ ...options, log: (line) => io.stderr(`${line}\n`) })
    } catch (error) {
      throw new InputError(`Cannot start the server: ${(error as Error).message}`)
    }
    io.stdout(`listening on ${server.url}\n`)
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        signals.off('SIGINT', onInt)
        signals.off('SIGTERM', onTerm)
        io.stderr(`${signal}: storing open documents…\n`)
        resolve()
      }
      const onInt = () => stop('SIGINT')
      const onTerm = () => stop('SIGTERM')
      signals.on('SIGINT', onInt)
      signals.on('SIGTERM', onTerm)
    })
    await server.stop()
    io.stderr('stopped\n')
    return 0
  })
}

function parseArgs(argv: readonly string[]): Options {
  let dataDir: string | undefined
  let tokensFile: string | undefined
  let host = '127.0.0.1'
  let port = 1234
  let redisUrl: string | undefined
  let createTokens = false
  const rest = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--data': dataDir = value(); return true
      case '--tokens': tokensFile = value(); return true
      case '--host': host = value(); return true
      case '--port': port = portOf(value()); return true
      case '--redis': redisUrl = redisOf(value()); return true
      case '--create-tokens': createTokens = true; return true
      default: return false
    }
  })
  if (rest.length) throw new UsageError(`Unexpected argument ${rest[0]}`)
  if (!dataDir) throw new UsageError('Give the folder the server keeps deals in with --data DIR')
  if (!tokensFile) throw new UsageError('Give the tokens file with --tokens FILE')
  return { dataDir, tokensFile, host, port, redisUrl, createTokens }
}

/** A first tokens file: one editor with a random 256-bit token, written durably, readable by its owner only. */
async function createTokensFile(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const entry = { token: randomBytes(32).toString('base64url'), name: 'Server owner', email: '', role: 'editor' }
  // Owner-only from the first byte: the temp file is created under this umask and renamed into
  // place, so the token is never readable by others, not even between the write and a chmod.
  const previous = process.umask(0o077)
  try {
    await writeSerialized(nodeDurableFs, path, JSON.stringify([entry], null, 2) + '\n')
  } finally {
    process.umask(previous)
  }
}

function portOf(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${text}`)
  return Number(text)
}

function redisOf(text: string): string {
  if (!/^rediss?:\/\/[^\s]+$/.test(text)) throw new UsageError(`--redis must be a URL like redis://127.0.0.1:6379, not ${text}`)
  return text
}

export const serve: CliCommand = { summary: 'Run the collaboration server that shares deals with the team', run: (argv, io) => serveCommand(argv, io) }
