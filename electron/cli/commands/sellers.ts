import { join } from 'node:path'
import { label, makeTranslator } from '@shared/i18n'
import { growthProfile, type GrowthProfile, type HistoryDeal } from '@shared/growth'
import { ROLES, type Role } from '@shared/model'
import type { CliCommand, CliIo } from '../command'
import { nodeCliFs } from '../cli-fs'
import { acceptDealFile, dealFileNames, InputError, localToday, quoted, readArgs, readText, readWorkspace, requireDataDir, runCommand, UsageError } from '../inputs'

export const SELLERS_USAGE = `Usage: war-room sellers --data DIR [--seller NAME] [--json]

Prints each seller of the roster: level, the souls (roles) their level has mastered, the seats
they held across every deal with the outcomes (won, lost, open), their open-deal load and the
next soul to master. Read-only. Personal growth data (traits, freedoms) is private to the app
and never printed. Exit code 1 when DIR cannot be read or no seller is named NAME; 2 for bad usage.
  --seller NAME   only this seller (by name, case and spacing ignored, or by id)
  --json          print JSON instead of a table
`

interface Options {
  dir: string
  seller?: string
  json: boolean
}

export async function sellersCommand(argv: string[], io: CliIo, clockToday: () => string = localToday): Promise<number> {
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, SELLERS_USAGE, () => parseArgs(argv), async ({ dir, seller, json }) => {
    await requireDataDir(dir, fs)
    const workspace = await readWorkspace(dir, fs)
    const dealsDir = join(dir, 'deals')
    const deals: HistoryDeal[] = []
    for (const name of await dealFileNames(dealsDir, fs)) {
      const path = join(dealsDir, name)
      try {
        deals.push(acceptDealFile(await readText(path, 'the deal file', fs), path).deal)
      } catch (e) {
        if (!(e instanceof InputError)) throw e
        io.stderr(`Skipped ${e.message}\n`) // one damaged deal must not hide the others
      }
    }
    const fold = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')
    const chosen = seller === undefined ? workspace.roster : workspace.roster.filter((s) => s.id === seller || fold(s.name) === fold(seller))
    if (seller !== undefined && chosen.length === 0) {
      const names = workspace.roster.map((s) => s.name).slice(0, 10).join(', ')
      throw new InputError(`No seller named ${quoted(seller)} on the roster of ${dir}${names ? ` (the roster has: ${names}${workspace.roster.length > 10 ? ', …' : ''})` : ' (the roster is empty)'}`)
    }
    const profiles = chosen.map((s) => growthProfile(s, { deals, roster: workspace.roster, settings: workspace.settings, today: clockToday() }))
    io.stdout(json ? JSON.stringify({ sellers: profiles.map(sellerJson) }, null, 2) + '\n' : formatTable(profiles))
    return 0
  })
}

function parseArgs(argv: readonly string[]): Options {
  const options: Partial<Options> & { json: boolean } = { json: false }
  const rest = readArgs(argv, (flag, value) => {
    if (flag === '--data') options.dir = value()
    else if (flag === '--seller') options.seller = value()
    else if (flag === '--json') options.json = true
    else return false
    return true
  })
  if (rest.length) throw new UsageError(`Unexpected argument ${rest[0]}`)
  if (!options.dir) throw new UsageError('Give the data folder with --data DIR')
  return { ...options, dir: options.dir }
}

/** The JSON a script reads: the file format's own values, no growth data. */
function sellerJson(p: GrowthProfile) {
  const seats = Object.fromEntries(ROLES.map((role) => {
    const r = p.seats[role]
    return [role, { held: r.seats.length, won: r.won, lost: r.lost, open: r.open, deals: r.seats.map((s) => s.dealId) }]
  })) as Record<Role, unknown>
  return { id: p.sellerId, name: p.name, level: p.level, souls: p.souls, nextSoul: p.nextSoul, seats, load: p.load }
}

function formatTable(profiles: readonly GrowthProfile[]): string {
  if (profiles.length === 0) return 'No sellers on the roster.\n'
  const t = makeTranslator('en')
  const head = ['NAME', 'LEVEL', 'SOULS', 'CONTROL', 'SUPPORT', 'ATTACK', 'LOAD', 'NEXT SOUL']
  const seatCell = (p: GrowthProfile, role: Role) => {
    const r = p.seats[role]
    const open = Object.values(r.open).reduce((a, b) => a + (b ?? 0), 0)
    return r.seats.length === 0 ? '-' : `${r.seats.length} (${r.won}W ${r.lost}L ${open} open)`
  }
  const cells = profiles.map((p) => [
    p.name,
    label(t, 'level', p.level),
    p.souls.length ? p.souls.map((r) => label(t, 'role', r)).join(' + ') : 'none yet',
    seatCell(p, 'control'), seatCell(p, 'support'), seatCell(p, 'attack'),
    `${p.load.openDeals}/${p.load.limit}${p.load.overloaded ? ' OVERLOADED' : ''}`,
    p.nextSoul ? label(t, 'role', p.nextSoul) : 'all mastered',
  ])
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((c) => c[i].length))))
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.slice(0, widths[i]).padEnd(widths[i]))).join('  ').trimEnd()
  return [line(head), ...cells.map(line)].join('\n') + '\n'
}

export const sellers: CliCommand = { summary: "Print each seller's level, souls, seats by role, load and next soul", run: (argv, io) => sellersCommand(argv, io) }
