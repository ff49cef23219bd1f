import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changeLog, DealProjection, seedWithHistory } from '@shared/collab'
import type { Deal, DealFile } from '@shared/model'
import { aDeal } from '../../fixtures/builders'

const fileOf = (deal: Deal): DealFile => ({ ...aDeal(deal.id).toFile([]), deal })
const ANNA = { name: 'Anna Kowalski', email: 'anna@example.com' }

/**
 * Sharing links the deal's cards to their account persons just before the first state leaves
 * the laptop (docs/method.md, "One person, several ids"). That link is not one of the user's
 * edits: the replayed history before sharing (docs/collaboration-app.md, "Undo across
 * sharing") shows no step and no "What changed" line for it, and the doc still ends with it.
 */
describe('the seed of a deal shared right after its people were linked to the account', () => {
  it('replays the user\'s edits, not the link; the shared deal names the persons', () => {
    // Each state as the page's history holds it: the link is a step of its own, after a save.
    const entered = { ...aDeal('d1').withStakeholder('priya', { name: 'Priya Raman', title: '' }).build(), updatedAt: '2026-12-07T05:59:00.000Z' }
    const titled = { ...entered, stakeholders: entered.stakeholders.map((s) => ({ ...s, title: 'CFO' })) }
    const linked = { ...titled, updatedAt: '2026-12-07T06:00:00.000Z', stakeholders: titled.stakeholders.map((s) => ({ ...s, personId: 'person-7' })) }
    const doc = new Y.Doc()
    const replayed = seedWithHistory(doc, fileOf(linked), [entered, titled], { origin: 'anna', author: ANNA, at: '2026-12-07T06:00:00.000Z' })
    expect(replayed).toBe(1)
    expect(changeLog(doc).map((e) => e.command)).toEqual(['seed', 'edit-before-sharing'])
    expect(changeLog(doc).flatMap((e) => e.targets)).not.toContain('field:priya:personId')
    const replayedTargets = changeLog(doc).filter((e) => e.command !== 'seed').flatMap((e) => e.targets)
    expect(replayedTargets).not.toContain('deal') // the save stamp is no edit
    const shared = new DealProjection(doc).file()
    expect(shared.deal.stakeholders.map((s) => [s.title, s.personId])).toEqual([['CFO', 'person-7']])
  })
})
