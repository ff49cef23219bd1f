import { parseDealFile } from '@shared/model'
import type { CliCommand, CliIo } from '../command'
import { nodeCliFs } from '../cli-fs'
import { readArgs, readTextFile, runCommand, UsageError } from '../inputs'

export const VALIDATE_USAGE = `Usage: war-room validate FILE

Checks a deal file (.warroom.json or a deals/<id>.json of the data folder) and prints every
problem with its JSON path. Exit code 0 when the file is valid, 1 when it is not.
`

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const fs = io.fs ?? nodeCliFs
  return runCommand(io, VALIDATE_USAGE, () => parseArgs(argv), async (file) => {
    const read = await readTextFile(file, fs)
    if (!read.ok) {
      io.stderr(`${file}: cannot read the file (${read.reason})\n`)
      return 1
    }
    const result = parseDealFile(read.text)
    if (result.ok) {
      const { deal, roster } = result.value
      io.stdout(`${file}: valid deal file — "${deal.name}" (${deal.customer || 'no customer'}), ${deal.stakeholders.length} stakeholders, ${deal.links.length} lines, ${deal.team.length} seats, ${roster.length} sellers\n`)
      return 0
    }
    io.stderr(`${file}: invalid — ${result.message}\n`)
    for (const issue of result.issues) io.stderr(`${issue.path}: ${issue.message}\n`)
    return 1
  })
}

function parseArgs(argv: readonly string[]): string {
  const files = readArgs(argv, () => false)
  if (files.length !== 1) throw new UsageError('Give exactly one FILE')
  return files[0]
}

export const validate: CliCommand = { summary: 'Check a deal file; print every error with its JSON path', run: validateCommand }
