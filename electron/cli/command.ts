/** Where a command prints (injected so tests capture it). */
export interface CliIo {
  stdout(s: string): void
  stderr(s: string): void
}

/** One subcommand: `run` returns the process exit code (0 ok, 1 refused input, 2 bad usage). */
export interface CliCommand {
  summary: string
  run(argv: string[], io: CliIo): Promise<number>
}
