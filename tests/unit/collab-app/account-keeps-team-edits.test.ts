import { afterEach, describe, expect, it } from 'vitest'
import { newStakeholder } from '@shared/model'
import { ipcCall } from '../store/helpers'
import { CollabLab, eventually, sharedBetweenTwo } from './helpers'


describe('opening a shared deal again never takes back the team\'s edits from this laptop\'s account (docs/method.md, "Accounts")', () => {
  const lab = new CollabLab()
  afterEach(() => lab.cleanUp())

  it("a colleague's new title, and my own, survive reopening the deal: the account learns them, and nothing is carried back over them", async () => {
    // Anna types her people before sharing (an ordinary save: the account records them).
    const { a, b, dealId } = await sharedBetweenTwo(lab, async (anna, id) => {
      const opened = await ipcCall(anna.handlers, 'deal:open', id)
      const grace = newStakeholder({ id: 'grace', name: 'Grace Liu', title: 'CIO', position: { x: 0, y: 0 } })
      const omar = newStakeholder({ id: 'omar', name: 'Omar Haddad', title: 'CFO', position: { x: 200, y: 0 } })
      await ipcCall(anna.handlers, 'deal:save', { ...opened.deal, stakeholders: [grace, omar] })
    })

    await ipcCall(b.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: 'grace', field: 'title', value: 'Chief Digital Officer' }])
    await ipcCall(a.handlers, 'collab:apply', dealId, [{ type: 'set-field', stakeholderId: 'omar', field: 'title', value: 'Group CFO' }])
    const titles = async () => Object.fromEntries((await ipcCall(a.handlers, 'deal:open', dealId)).deal.stakeholders.map((s) => [s.id, s.title]))
    await eventually(titles, (t) => t.grace === 'Chief Digital Officer' && t.omar === 'Group CFO', 15_000)

    // Anna goes back to the list and opens the deal again: the page asks what the account carries.
    const carried = await ipcCall(a.handlers, 'account:for-deal', dealId)
    const byCard = new Map((carried?.updates ?? []).map((u) => [u.stakeholderId, u]))
    expect(byCard.get('grace')?.title ?? 'Chief Digital Officer').toBe('Chief Digital Officer')
    expect(byCard.get('omar')?.title ?? 'Group CFO').toBe('Group CFO')
    // And the account itself knows the team's titles, for the customer's other deals.
    const overview = await eventually(async () => (await ipcCall(a.handlers, 'account:for-deal', dealId))!.persons, (p) => p.some((x) => x.title === 'Chief Digital Officer'), 15_000)
    expect(overview.find((p) => p.name === 'Omar Haddad')?.title).toBe('Group CFO')
  })
})
