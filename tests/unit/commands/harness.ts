import { expect } from 'vitest'
import { applyCommand, CommandError, undoPolicyOf, type CommandErrorCode, type DealCommand, type UndoPolicy } from '@shared/commands'
import { emptyHistory, record, undo } from '@shared/history'
import { DealSchema, type Deal } from '@shared/model'

/** The code a refused command carries; fails the test when the command applies. */
export function refusal(deal: Deal, command: DealCommand): CommandErrorCode {
  try {
    applyCommand(deal, command)
  } catch (e) {
    expect(e).toBeInstanceOf(CommandError)
    return (e as CommandError).code
  }
  throw new Error(`expected ${command.type} to be refused`)
}

/**
 * Apply a command as the app would receive it from elsewhere (through JSON), check the result
 * is a deal the file schema accepts, and that undo (under the command's declared policy)
 * gives back exactly the deal before.
 */
export function applyAndUndo(before: Deal, command: DealCommand): { after: Deal; policy: UndoPolicy } {
  const frozen = JSON.stringify(before)
  const received = JSON.parse(JSON.stringify(command)) as DealCommand
  const after = applyCommand(before, received)
  expect(after).not.toBe(before)
  expect(after).toEqual(applyCommand(before, command))
  expect(JSON.stringify(before)).toBe(frozen)
  expect(DealSchema.safeParse(after).success).toBe(true)
  const policy = undoPolicyOf(command)
  const history = record(emptyHistory<Deal>(), before, after, policy.capture, policy.mergeKey)
  const undone = undo(history, after)
  expect(undone?.state).toEqual(before)
  return { after, policy }
}

/** Apply commands one after another under their declared policies; how many undo steps they made. */
export function undoSteps(start: Deal, commands: DealCommand[]): number {
  let deal = start
  let history = emptyHistory<Deal>()
  for (const c of commands) {
    const next = applyCommand(deal, c)
    const policy = undoPolicyOf(c)
    history = record(history, deal, next, policy.capture, policy.mergeKey)
    deal = next
  }
  return history.past.length
}
