import { readFile } from 'node:fs/promises'
import { parseDealFile } from '@shared/model'
import type { CliCommand, CliIo } from '../command'

export const VALIDATE_USAGE = `Usage: war-room validate FILE

Checks a deal file (.warroom.json or a deals/<id>.json of the data folder) and prints every
problem with its JSON path. Exit code 0 when the file is valid, 1 when it is not.
`

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(VALIDATE_USAGE)
    return 0
  }
  const files = argv.filter((a) => !a.startsWith('-'))
  const unknown = argv.filter((a) => a.startsWith('-'))
  if (files.length !== 1 || unknown.length > 0) {
    io.stderr(`${unknown.length ? `Unknown option ${unknown[0]}` : 'Give exactly one FILE'}\n\n${VALIDATE_USAGE}`)
    return 2
  }
  const [file] = files
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    io.stderr(`${file}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message})\n`)
    return 1
  }
  const result = parseDealFile(text)
  if (result.ok) {
    const { deal, roster } = result.value
    io.stdout(`${file}: valid deal file — "${deal.name}" (${deal.customer || 'no customer'}), ${deal.stakeholders.length} stakeholders, ${deal.links.length} lines, ${deal.team.length} seats, ${roster.length} sellers\n`)
    return 0
  }
  io.stderr(`${file}: invalid — ${result.message}\n`)
  for (const issue of result.issues) io.stderr(`${issue.path}: ${issue.message}\n`)
  return 1
}

export const validate: CliCommand = { summary: 'Check a deal file; print every error with its JSON path', run: validateCommand }
