import { describe, expect, it, vi } from 'vitest'
import { DealSchema, StakeholderSchema, type Deal } from '@shared/model'
import { createHandlers } from '../../../electron/main/handlers'
import { invokeChannel } from '../../../electron/main/ipc'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { manualClock, tempDir } from '../store/helpers'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A workspace holding a generated 30-person deal, opened once (as the page does). */
async function setUp() {
  const dataDir = await tempDir()
  const handlers = createHandlers({ dataDir, clock: manualClock(), dialogs: { saveFile: async () => null, openFile: async () => null } })
  await handlers['workspace:load']()
  const generated = generateDeal({ stakeholders: 30, seed: 2, today: '2026-03-01' })
  const imported = await invokeChannel(handlers, 'deal:import', [JSON.stringify(generated), { asCopy: false }])
  if (!imported.ok) throw new Error(imported.error.message)
  const opened = await invokeChannel(handlers, 'deal:open', [(imported.value as Deal).id])
  if (!opened.ok) throw new Error(opened.error.message)
  const deal = structuredClone((opened.value as { deal: Deal }).deal)
  const fileOf = async () => JSON.parse(await readFile(join(dataDir, 'deals', `${deal.id}.json`), 'utf8'))
  return { handlers, deal, fileOf }
}

describe('deal:save validation (incremental)', () => {
  it('saves an edit re-validating only the changed person, and refuses an invalid one with typed issues', async () => {
    const { handlers, deal, fileOf } = await setUp()
    const spy = vi.spyOn(StakeholderSchema, 'safeParse')
    const position = vi.spyOn(StakeholderSchema.shape.position, 'safeParse')
    const moved = structuredClone(deal)
    moved.stakeholders[4] = { ...moved.stakeholders[4], position: { x: 123, y: 45 } }
    expect((await invokeChannel(handlers, 'deal:save', [moved])).ok).toBe(true)
    // Of the moved person only the field that changed is parsed (shared/model/changed-person.ts).
    expect(spy).not.toHaveBeenCalled()
    expect(position).toHaveBeenCalledTimes(1)
    expect((await fileOf()).deal.stakeholders[4].position).toEqual({ x: 123, y: 45 })

    const broken = structuredClone(moved)
    broken.stakeholders[9] = { ...broken.stakeholders[9], stance: 'furious' as never }
    const refused = await invokeChannel(handlers, 'deal:save', [broken])
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.error.code).toBe('invalid-request')
    expect(refused.error.issues?.[0].path).toBe('$[0].stakeholders[9].stance')
    expect((await fileOf()).deal.stakeholders[9].stance).toBe(deal.stakeholders[9].stance)
    spy.mockRestore()
    position.mockRestore()
  })

  it('refuses a dangling line in an otherwise unchanged deal and leaves the file as it was', async () => {
    const { handlers, deal, fileOf } = await setUp()
    const before = await fileOf()
    const dangling = { ...structuredClone(deal), links: [...deal.links, { id: 'x-line', from: deal.stakeholders[0].id, to: 'ghost', kind: 'ally' as const }] }
    expect(DealSchema.safeParse(dangling).success).toBe(false)
    const refused = await invokeChannel(handlers, 'deal:save', [dangling])
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.issues?.map((i) => i.path)).toContain(`$[0].links[${deal.links.length}].to`)
    expect(await fileOf()).toEqual(before)
  })
})
