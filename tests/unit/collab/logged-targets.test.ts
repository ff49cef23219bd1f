import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError } from '@shared/commands'
import { changedTargets, changeLog, createUserUndo, uncoveredTargets } from '@shared/collab'
import { rootsOf } from '@shared/collab/schema'
import { writeFileDiff } from '@shared/collab/write-diff'
import { AT, team, workspaceSellers } from './fixture'
import { prng, randomCommand } from './random-commands'

/**
 * The writer names what it writes (docs/collaboration.md, "Authors are checked"): for every
 * command of the real set, the targets the diff writer returns already cover what Yjs says the
 * transaction changed, read the way the server reads it. `applyCommandsToDoc` adds anything
 * missed to its last entry; this says it never has to.
 */
describe('the targets a write logs cover what it changed', () => {
  it('for random commands of every kind, without the safety net', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const pick = prng(seed)
      const [c] = team(1)
      const sellers = workspaceSellers()
      let ids = 0
      for (let n = 0; n < 150; n++) {
        const before = c.projection.file()
        let deal
        try {
          deal = applyCommand(before.deal, randomCommand(before, sellers, pick, () => `n${ids++}`), { sellers: new Set(sellers.map((s) => s.id)) })
        } catch (e) {
          if (e instanceof CommandError) continue
          throw e
        }
        const after = { ...before, deal, roster: sellers }
        c.doc.transact((tr) => {
          const targets = writeFileDiff(rootsOf(c.doc), before, after)
          expect(uncoveredTargets(changedTargets(tr), [{ targets }])).toEqual([])
        }, c.origin)
      }
    }), { numRuns: 5 })
  })

  it('an undo and a redo each log what they changed, signed by the user', () => {
    const [c] = team(1)
    const undo = createUserUndo(c.doc, c.origin, { signing: { author: c.author, now: () => new Date(AT) } })
    c.apply({ type: 'set-field', stakeholderId: 'sh-cfo', field: 'stance', value: 'supporter' })
    undo.undo()
    undo.redo()
    const [, undone, redone] = changeLog(c.doc).slice(-3)
    expect(undone).toMatchObject({ command: 'undo', author: c.author, targets: ['sh-cfo', 'field:sh-cfo:stance'] })
    expect(redone).toMatchObject({ command: 'redo', author: c.author, targets: ['sh-cfo', 'field:sh-cfo:stance'] })
    // The entries are not undo steps: a second undo still undoes the edit, not an entry.
    undo.undo()
    expect(c.projection.file().deal.stakeholders.find((s) => s.id === 'sh-cfo')?.stance).not.toBe('supporter')
  })
})
