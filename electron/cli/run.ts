import type { CliIo } from './command'
import { COMMANDS } from './commands'
import { quoted } from './inputs'
import { terminalSafeIo } from './terminal-safe'

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  return `Usage: war-room <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "war-room <command> --help" for a command's options.\n`
}

/** Dispatch `argv` (without node and the script) to a subcommand; returns the exit code. */
export async function runCli(argv: string[], given: CliIo): Promise<number> {
  const io = terminalSafeIo(given)
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage())
    return 0
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    io.stderr(`Unknown command ${quoted(name)}\n\n${usage()}`)
    return 2
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    io.stderr(`war-room ${name} failed: ${(error as Error).message}\n`)
    return 1
  }
}
