import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DEAL_FILE_NAME, dealFileCandidates, idOfFileStem, sameId } from '@shared/file-names'
import { WorkspaceSchema, parseDealFile, type DealIndexEntry } from '@shared/model'
import type { CliCommand, CliIo } from '../command'

export const LIST_USAGE = `Usage: war-room list --data DIR [--json]

Lists the deals of a data folder (the app's user-data "data" folder) without changing
anything in it. Damaged deal files are listed as damaged. Exit code 1 when DIR cannot be read.
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
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(LIST_USAGE)
    return 0
  }
  const at = argv.findIndex((a) => a === '--data' || a.startsWith('--data='))
  const dir = at < 0 ? undefined : argv[at].includes('=') ? argv[at].slice('--data='.length) : argv[at + 1]
  const json = argv.includes('--json')
  const rest = argv.filter((a, i) => i !== at && !(i === at + 1 && !argv[at].includes('=')) && a !== '--json')
  if (!dir || rest.length > 0) {
    io.stderr(`${rest.length ? `Unexpected argument ${rest[0]}` : 'Give the data folder with --data DIR'}\n\n${LIST_USAGE}`)
    return 2
  }

  let index: DealIndexEntry[] = []
  try {
    const parsed = WorkspaceSchema.safeParse(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')))
    if (parsed.success) index = parsed.data.deals
    else io.stderr(`${join(dir, 'workspace.json')}: not a valid workspace file; listing the deal files only\n`)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') io.stderr(`${join(dir, 'workspace.json')}: cannot be read (${(error as Error).message}); listing the deal files only\n`)
  }
  let names: string[]
  try {
    names = (await readdir(join(dir, 'deals'))).filter((n) => DEAL_FILE_NAME.test(n)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      io.stderr(`${join(dir, 'deals')}: cannot be read (${(error as Error).message})\n`)
      return 1
    }
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
    try {
      const file = dealFileCandidates(id).find((n) => names.includes(n)) ?? dealFileCandidates(id)[0]
      const result = parseDealFile(await readFile(join(dir, 'deals', file), 'utf8'))
      if (result.ok) {
        const d = result.value.deal
        Object.assign(row, { name: d.name, customer: d.customer, stage: d.stage, amount: `${d.amount.value} ${d.amount.currency}`, stakeholders: d.stakeholders.length })
      } else {
        Object.assign(row, { status: 'damaged', problem: result.message })
      }
    } catch (error) {
      Object.assign(row, { status: 'damaged', problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the deal file is missing' : (error as Error).message })
    }
    rows.push(row)
  }

  if (json) io.stdout(JSON.stringify({ deals: rows }, null, 2) + '\n')
  else if (rows.length === 0) io.stdout(`No deals in ${dir}\n`)
  else io.stdout(formatTable(rows))
  return 0
}

function formatTable(rows: Row[]): string {
  const head = ['ID', 'NAME', 'CUSTOMER', 'STAGE', 'AMOUNT', 'PEOPLE', 'STATUS']
  const cells = rows.map((r) => [r.id, r.name, r.customer, r.stage, r.amount, r.stakeholders === null ? '-' : String(r.stakeholders), r.problem ? `${r.status}: ${r.problem}` : r.status])
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((c) => c[i].length))))
  const line = (c: string[]) => c.map((v, i) => (i === c.length - 1 ? v : v.slice(0, widths[i]).padEnd(widths[i]))).join('  ').trimEnd()
  return [line(head), ...cells.map(line)].join('\n') + '\n'
}

export const list: CliCommand = { summary: 'List the deals of a data folder', run: listCommand }
