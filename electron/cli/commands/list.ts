import { join } from 'node:path'
import { DEAL_FILE_NAME, dealFileCandidates, idOfFileStem, sameId } from '@shared/file-names'
import { formatMoney, label, makeTranslator } from '@shared/i18n'
import { WorkspaceSchema, parseDealFile, type DealIndexEntry, type Money } from '@shared/model'
import type { CliCommand, CliIo } from '../command'
import { nodeCliFs, type CliFs } from '../cli-fs'
import { errnoCode } from '../../main/store/durable-fs'
import { fsReason, InputError, readArgs, readTextFile, requireDataDir, runCommand, UsageError } from '../inputs'

export const LIST_USAGE = `Usage: war-room list --data DIR [--json]

Lists the deals of a data folder (the app's user-data "data" folder) without changing
anything in it. Damaged deal files are listed as damaged. Exit code 1 when DIR does not
exist or cannot be read; 2 for bad usage.
`

interface Row {
  id: string
  name: string
  customer: string
  stage: string
  amount: string
  stakeholders: number | null
  status: 'ok' | 'damaged' | 'not-in-index'
  problem?: string
}

/** Read-only: no recovery, no moving files; the app does that when it opens the folder. */
export async function listCommand(argv: string[], io: CliIo): Promise<number> {
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, LIST_USAGE, () => parseArgs(argv), async ({ dir, json }) => {
    await requireDataDir(dir, fs)
    const rows = await readRows(dir, fs, io)
    if (json) io.stdout(JSON.stringify({ deals: rows }, null, 2) + '\n')
    else if (rows.length === 0) io.stdout(`No deals in ${dir}\n`)
    else io.stdout(formatTable(rows))
    return 0
  })
}

function parseArgs(argv: readonly string[]): { dir: string; json: boolean } {
  let dir: string | undefined
  let json = false
  const rest = readArgs(argv, (flag, value) => {
    if (flag === '--data') dir = value()
    else if (flag === '--json') json = true
    else return false
    return true
  })
  if (rest.length) throw new UsageError(`Unexpected argument ${rest[0]}`)
  if (!dir) throw new UsageError('Give the data folder with --data DIR')
  return { dir, json }
}

async function readRows(dir: string, fs: CliFs, io: CliIo): Promise<Row[]> {
  let index: DealIndexEntry[] = []
  const workspacePath = join(dir, 'workspace.json')
  const workspace = await readTextFile(workspacePath, fs)
  if (workspace.ok) {
    try {
      const parsed = WorkspaceSchema.safeParse(JSON.parse(workspace.text))
      if (parsed.success) index = parsed.data.deals
      else io.stderr(`${workspacePath}: not a valid workspace file; listing the deal files only\n`)
    } catch (error) {
      io.stderr(`${workspacePath}: cannot be read (${(error as Error).message}); listing the deal files only\n`)
    }
  } else if (workspace.code !== 'ENOENT') {
    io.stderr(`${workspacePath}: cannot be read (${workspace.reason}); listing the deal files only\n`)
  }
  let names: string[]
  try {
    names = (await fs.readdir(join(dir, 'deals'))).filter((n) => DEAL_FILE_NAME.test(n)).sort()
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw new InputError(`${join(dir, 'deals')}: cannot be read (${fsReason(error)})`)
    names = []
  }

  const rows: Row[] = []
  // A file belongs to the index row whose id folds to its name (shared/file-names.ts).
  const unlisted = names.map((n) => idOfFileStem(n.slice(0, -5)) ?? n.slice(0, -5)).filter((id) => !index.some((e) => sameId(e.id, id)))
  const ids = new Set([...index.map((e) => e.id), ...unlisted])
  for (const id of ids) {
    const entry = index.find((e) => e.id === id)
    const row: Row = {
      id,
      name: entry?.name ?? id,
      customer: entry?.customer ?? '',
      stage: entry?.stage ?? '',
      amount: entry ? `${entry.amount.value} ${entry.amount.currency}` : '',
      stakeholders: null,
      status: entry ? 'ok' : 'not-in-index',
    }
    if (entry) moneyOf.set(row, entry.amount)
    const file = dealFileCandidates(id).find((n) => names.includes(n)) ?? dealFileCandidates(id)[0]
    const read = await readTextFile(join(dir, 'deals', file), fs)
    const result = read.ok ? parseDealFile(read.text) : null
    if (result?.ok) {
      const d = result.value.deal
      Object.assign(row, { name: d.name, customer: d.customer, stage: d.stage, amount: `${d.amount.value} ${d.amount.currency}`, stakeholders: d.stakeholders.length })
      moneyOf.set(row, d.amount)
    } else {
      Object.assign(row, { status: 'damaged', problem: result ? result.message : read.ok ? '' : read.code === 'ENOENT' ? 'the deal file is missing' : read.reason })
    }
    rows.push(row)
  }
  return rows
}

/** The JSON keeps the file's raw values; the table shows the amount as the app writes it. */
const moneyOf = new WeakMap<Row, Money>()

/** The table a person reads: stages and amounts in the app's own English words. */
function formatTable(rows: Row[]): string {
  const t = makeTranslator('en')
  const head = ['ID', 'NAME', 'CUSTOMER', 'STAGE', 'AMOUNT', 'PEOPLE', 'STATUS']
  const amount = (r: Row) => { const m = moneyOf.get(r); return m ? formatMoney(m, 'en') : r.amount }
  const cells = rows.map((r) => [r.id, r.name, r.customer, r.stage ? label(t, 'stage', r.stage) : '', amount(r), r.stakeholders === null ? '-' : String(r.stakeholders), r.problem ? `${r.status}: ${r.problem}` : r.status])
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((c) => c[i].length))))
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.slice(0, widths[i]).padEnd(widths[i]))).join('  ').trimEnd()
  return [line(head), ...cells.map(line)].join('\n') + '\n'
}

export const list: CliCommand = { summary: 'List the deals of a data folder', run: listCommand }
