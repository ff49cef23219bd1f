import { undoPolicyOf, type DealCommand } from '@shared/commands'
import type { Capture } from '@shared/history'
import type { Deal } from '@shared/model'

/** Overrides of a command's declared undo policy (a drag's key, a field visit's key). */
export interface DispatchOptions {
  capture?: Capture
  mergeKey?: string
  /** The caller says a refusal itself, where the user is looking (a field's own error line): no toast. */
  saysRefusal?: boolean
}

/**
 * Where a shared deal's edits go (renderer/collab installs it while the open deal is shared,
 * docs/collaboration-app.md): each command to main at once, undo and redo to main's per-user
 * undo, the selection to the team's presence. The page keeps no history and saves nothing for
 * a shared deal; main writes the readable copy.
 */
export interface SharedSink {
  /** `mergeKey`: this edit folds into the previous one's undo step when their keys match (a burst of typing). */
  apply(commands: DealCommand[], mergeKey?: string): Promise<void>
  undo(): Promise<Deal | null>
  redo(): Promise<Deal | null>
  select(ids: string[]): void
  readonly canUndo: boolean
  readonly canRedo: boolean
}

/**
 * The undo step an edit is recorded as: one command keeps its declared policy (a drag or a
 * field visit merges by its key), several dispatched together are one step, and `opts`
 * overrides both. A private deal's history records it so; a shared deal's edit goes to main
 * with the key, so a burst of typing is one step there too (docs/collaboration-app.md, "Undo").
 */
export function undoStepOf(commands: DealCommand[], opts: DispatchOptions | undefined): { capture: Capture; mergeKey: string | undefined } {
  const declared = commands.length === 1 ? undoPolicyOf(commands[0]) : { capture: 'step' as const, mergeKey: undefined }
  return { capture: opts?.capture ?? declared.capture, mergeKey: opts?.mergeKey ?? declared.mergeKey }
}
