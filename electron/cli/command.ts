import type { CliFs } from './cli-fs'

/** What a command talks to: where it prints, and the disk (injected so tests capture or break them). */
export interface CliIo {
  stdout(s: string): void
  stderr(s: string): void
  /** The disk; the real one when not given. */
  fs?: CliFs
}

/** One subcommand: `run` returns the process exit code (0 ok, 1 refused input, 2 bad usage). */
export interface CliCommand {
  summary: string
  run(argv: string[], io: CliIo): Promise<number>
}
