import type { CliCommand } from '../command'
import { account } from './account'
import { analyzeCommand } from './analyze'
import { exportCommand } from './export'
import { importDeal } from './import'
import { list } from './list'
import { sellers } from './sellers'
import { serve } from './serve'
import { sync } from './sync'
import { validate } from './validate'

/** The subcommands of `war-room`. Add a command by adding one line here. */
export const COMMANDS: Record<string, CliCommand> = {
  validate,
  list,
  export: { summary: 'Write an editable PowerPoint deck of a deal', run: (argv, io) => exportCommand(argv, io) },
  import: importDeal,
  serve,
  sync,
  account,
  analyze: { summary: "Check a deal's team, relationships, coverage and map status", run: (argv, io) => analyzeCommand(argv, io) },
  sellers,
}
