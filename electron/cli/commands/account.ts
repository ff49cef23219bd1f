import { join } from 'node:path'
import { accountFromDeals, accountIdOf, displayCustomer, AccountFileSchema, accountOverview, emptyAccount, normaliseCustomer, type AccountOverview } from '@shared/accounts'
import type { Deal, Seller } from '@shared/model'
import type { CliCommand, CliIo } from '../command'
import { nodeCliFs, type CliFs } from '../cli-fs'
import { acceptDealFile, checkToday, dealFileNames, InputError, localToday, readArgs, readTextFile, readWorkspace, requireDataDir, runCommand, UsageError } from '../inputs'
import { closestCustomers } from '../../main/accounts/closest-names'

export const ACCOUNT_USAGE = `Usage:
  war-room account --data DIR --customer NAME [--json] [--today YYYY-MM-DD]

Shows one customer across all its deals (docs/method.md, "Accounts"): the number of
people, departments and who reaches them, deep / broad / transparent coverage, the open
and past deals, and which of our sellers knows each key person best. NAME matches
however it is typed ("AT&T", "at&t ", full width). Exit 1 on an unknown customer.
  --json      print JSON instead of a readable report
  --today     score as of this date (default: today)
`

interface Options {
  dataDir: string
  customer: string
  json: boolean
  today: string
}

function parseArgs(argv: readonly string[], clockToday: () => string): Options {
  const o: Partial<Options> & { json: boolean } = { json: false }
  const positional = readArgs(argv, (flag, value) => {
    switch (flag) {
      case '--json': o.json = true; return true
      case '--today': o.today = value(); return true
      case '--data': o.dataDir = value(); return true
      case '--customer': o.customer = value(); return true
      default: return false
    }
  })
  if (positional.length > 0) throw new UsageError(`Unexpected ${positional[0]}`)
  if (!o.dataDir) throw new UsageError('Give --data DIR')
  if (o.customer === undefined || normaliseCustomer(o.customer) === '') throw new UsageError('Give --customer NAME')
  checkToday(o.today)
  return { dataDir: o.dataDir, customer: o.customer, json: o.json, today: o.today ?? clockToday() }
}

/** The account as the app would build it: its stored file when it reads as one (read-only here), then every deal recorded. */
async function loadAccount(options: Options, io: CliIo, fs: CliFs) {
  await requireDataDir(options.dataDir, fs)
  const workspace = await readWorkspace(options.dataDir, fs)
  const key = normaliseCustomer(options.customer)
  const dealsDir = join(options.dataDir, 'deals')
  const deals: Deal[] = []
  const customers: string[] = []
  for (const name of await dealFileNames(dealsDir, fs)) {
    const read = await readTextFile(join(dealsDir, name), fs)
    if (!read.ok) continue
    try {
      const deal = acceptDealFile(read.text, name).deal
      customers.push(deal.customer)
      if (normaliseCustomer(deal.customer) === key) deals.push(deal)
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      io.stderr(`Skipped ${e.message}\n`)
    }
  }
  if (deals.length === 0) {
    const close = closestCustomers(options.customer, customers)
    throw new InputError(`No deal has the customer "${options.customer}".${close.length ? ` Did you mean: ${close.join(', ')}?` : ''}`)
  }
  const id = accountIdOf(options.customer)!
  const stored = await readTextFile(join(options.dataDir, 'accounts', `${id}.json`), fs)
  let base = emptyAccount(id, displayCustomer(deals, options.customer))
  if (stored.ok) {
    try {
      const parsed = AccountFileSchema.safeParse(JSON.parse(stored.text))
      if (parsed.success) base = parsed.data
      else io.stderr(`The account file of ${options.customer} is not valid; the account is shown from its deals.\n`)
    } catch {
      io.stderr(`The account file of ${options.customer} is not JSON; the account is shown from its deals.\n`)
    }
  }
  // Ids of people the app has not stored yet are made up fresh here and are not written anywhere.
  const { account } = accountFromDeals(base, deals)
  return { overview: accountOverview(account, deals, { today: options.today, cadenceDays: workspace.settings.cadenceDays }), roster: workspace.roster }
}

function sellerName(roster: readonly Seller[], id: string | undefined): string {
  if (!id) return 'nobody yet'
  return roster.find((s) => s.id === id)?.name ?? id
}

function text(o: AccountOverview, roster: readonly Seller[]): string {
  const lines = [
    `${o.customer}: ${o.people} people, ${o.deals.length} deal${o.deals.length === 1 ? '' : 's'}`,
    `Coverage: deep ${o.coverage.deep}, broad ${o.coverage.broad}, transparent ${o.coverage.transparent} (0-100)`,
    '',
    'Departments:',
    ...o.departments.map((d) => `  ${d.name}: ${d.people} people; reached by ${d.reachedBy.length ? d.reachedBy.map((s) => sellerName(roster, s)).join(', ') : 'nobody'}`),
    '',
    'Deals:',
    ...o.deals.map((d) => `  ${d.name} (${d.stage}${d.open ? ', open' : ''}): ${d.people} people`),
    '',
    'Who knows whom (key people):',
    ...o.whoKnowsWhom.filter((w) => w.key).map((w) => `  ${w.name}: ${sellerName(roster, w.sellerId)}${w.sellerId ? ` (${w.strength})` : ''}`),
  ]
  if (o.candidates.length) lines.push('', `${o.candidates.length} possible duplicate${o.candidates.length === 1 ? '' : 's'} to confirm in the app's account view.`)
  return lines.join('\n') + '\n'
}

function json(o: AccountOverview, roster: readonly Seller[]) {
  return {
    accountId: o.accountId, customer: o.customer, people: o.people, accountOnlyPeople: o.accountOnly, coverage: o.coverage,
    departments: o.departments.map((d) => ({ name: d.name, people: d.people, reachedBy: d.reachedBy.map((s) => ({ id: s, name: sellerName(roster, s) })) })),
    deals: o.deals,
    whoKnowsWhom: o.whoKnowsWhom.filter((w) => w.key).map((w) => ({ name: w.name, seller: w.sellerId ? { id: w.sellerId, name: sellerName(roster, w.sellerId) } : null, strength: w.strength })),
    candidates: o.candidates.length,
  }
}

export async function accountCommand(argv: string[], io: CliIo, clockToday: () => string = localToday): Promise<number> {
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, ACCOUNT_USAGE, () => parseArgs(argv, clockToday), async (options) => {
    const { overview, roster } = await loadAccount(options, io, fs)
    io.stdout(options.json ? JSON.stringify(json(overview, roster), null, 2) + '\n' : text(overview, roster))
    return 0
  })
}

export const account: CliCommand = { summary: 'Show one customer across its deals: people, coverage, who knows whom', run: (argv, io) => accountCommand(argv, io) }
