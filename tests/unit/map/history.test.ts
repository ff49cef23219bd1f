import { describe, expect, it } from 'vitest'
import { applyCommand } from '@shared/commands'
import { canRedo, canUndo, emptyHistory, record, redo, seal, undo, type History } from '@shared/history'
import type { Deal } from '@shared/model'
import { aDeal } from '../../fixtures/builders'

/** Drive history the way the deal store does. */
function editor(start: Deal) {
  let deal = start
  let history: History<Deal> = emptyHistory(5)
  return {
    get deal() { return deal },
    get history() { return history },
    apply(cmd: Parameters<typeof applyCommand>[1], capture: 'step' | 'merge' | 'skip' = 'step', key?: string) {
      const next = applyCommand(deal, cmd)
      history = record(history, deal, next, capture, key)
      deal = next
    },
    seal() { history = seal(history) },
    undo() { const r = undo(history, deal); if (r) { history = r.history; deal = r.state } },
    redo() { const r = redo(history, deal); if (r) { history = r.history; deal = r.state } },
  }
}

const start = () => aDeal('d').withStakeholder('a', { position: { x: 0, y: 0 } }).withStakeholder('b').build()
const move = (x: number) => ({ type: 'move-stakeholders' as const, moves: [{ id: 'a', position: { x, y: 0 } }] })

describe('history', () => {
  it('one drag (many moves with one merge key) is one undo step', () => {
    const e = editor(start())
    for (let x = 1; x <= 30; x++) e.apply(move(x), 'merge', 'drag-1')
    e.seal()
    expect(e.history.past).toHaveLength(1)
    e.undo()
    expect(e.deal.stakeholders[0].position).toEqual({ x: 0, y: 0 })
    expect(canUndo(e.history)).toBe(false)
    e.redo()
    expect(e.deal.stakeholders[0].position).toEqual({ x: 30, y: 0 })
  })

  it('two drags of the same card are two steps', () => {
    const e = editor(start())
    e.apply(move(10), 'merge', 'drag-1')
    e.apply(move(20), 'merge', 'drag-1')
    e.seal()
    e.apply(move(30), 'merge', 'drag-2')
    e.undo()
    expect(e.deal.stakeholders[0].position.x).toBe(20)
    e.undo()
    expect(e.deal.stakeholders[0].position.x).toBe(0)
  })

  it('a sealed burst does not absorb a later change with the same key', () => {
    const e = editor(start())
    e.apply({ type: 'set-field', stakeholderId: 'a', field: 'name', value: 'Al' }, 'merge', 'field-1')
    e.apply({ type: 'set-field', stakeholderId: 'a', field: 'name', value: 'Alice' }, 'merge', 'field-1')
    e.seal()
    e.apply({ type: 'set-field', stakeholderId: 'a', field: 'name', value: 'Alicia' }, 'merge', 'field-1')
    e.undo()
    expect(e.deal.stakeholders[0].name).toBe('Alice')
  })

  it('a new edit after undo drops the redo branch', () => {
    const e = editor(start())
    e.apply(move(5))
    e.undo()
    expect(canRedo(e.history)).toBe(true)
    e.apply({ type: 'set-field', stakeholderId: 'b', field: 'stance', value: 'champion' })
    expect(canRedo(e.history)).toBe(false)
  })

  it('skipped changes are not undo steps, and a no-op is never recorded', () => {
    const e = editor(start())
    e.apply(move(5), 'skip')
    e.apply(move(5))
    expect(e.history.past).toHaveLength(0)
  })

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const e = editor(start())
    for (let x = 1; x <= 8; x++) e.apply(move(x))
    expect(e.history.past).toHaveLength(5)
    for (let i = 0; i < 10; i++) e.undo()
    expect(e.deal.stakeholders[0].position.x).toBe(3)
  })
})
