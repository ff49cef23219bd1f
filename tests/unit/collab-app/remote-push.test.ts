import { afterEach, describe, expect, it } from 'vitest'
import { newId, newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { CollabLab, eventually, sharedBetweenTwo } from './helpers'

/**
 * What B's main pushes to B's page for A's edit (docs/collaboration-app.md, "Who does what"):
 * the one person A changed, not the deal, when only people changed; the whole deal when the
 * people list itself changed; and the page that applies each push to the one before it (the
 * helper does what renderer/collab/use-collab-sync.ts does) has the doc's deal.
 */
describe('main pushes a colleague’s edit of one person as that person (real server on 127.0.0.1)', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it('an added person comes as the whole deal, a retitle of one of 12 as that one person; both add up to the doc’s deal', async () => {
    const { a, b, dealId } = await sharedBetweenTwo(lab)
    const people = Array.from({ length: 12 }, (_, i) => newStakeholder({ id: newId(), name: `Person ${i}`, position: { x: i * 220, y: 0 } }))
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'add-stakeholders', stakeholders: people }])
    await eventually(() => b.deals.at(-1)?.stakeholders.length, (n) => n === 12)
    const added = b.events.filter((e) => e.kind === 'deal' || e.kind === 'people').at(-1)
    expect(added?.kind).toBe('deal')

    const pushesBefore = b.events.length
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: people[7].id, field: 'title', value: 'Chief Risk Officer' }])
    await eventually(() => b.deals.at(-1)?.stakeholders[7].title, (t) => t === 'Chief Risk Officer')
    const retitled = b.events.slice(pushesBefore).filter((e) => e.kind === 'deal' || e.kind === 'people')
    expect(retitled.map((e) => e.kind)).toEqual(['people'])
    expect(retitled[0].kind === 'people' && retitled[0].people.map((p) => p.id)).toEqual([people[7].id])

    // B's own edit, then A's: the patch carries both people, as B's main has them.
    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: people[2].id, field: 'department', value: 'Risk' }])
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: people[9].id, field: 'title', value: 'Head of Payments' }])
    await eventually(() => b.deals.at(-1)?.stakeholders[9].title, (t) => t === 'Head of Payments')
    const built = b.deals.at(-1)!
    expect(built.stakeholders[2].department).toBe('Risk')

    // The page opening the deal again gets the whole deal (collab:state): the same as the pushes added up.
    await ipcCall(b.handlers, 'collab:state', dealId)
    const whole = b.events.filter((e) => e.kind === 'deal').at(-1)
    expect(whole?.kind === 'deal' && whole.deal).toEqual(built)
  })
})
