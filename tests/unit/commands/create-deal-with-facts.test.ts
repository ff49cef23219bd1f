import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../electron/main/handlers'
import { tempDir } from '../store/helpers'

const noDialogs = { saveFile: async () => null, openFile: async () => null }

describe('a new deal asked for its facts up front', () => {
  it('is created with stage, amount, close date, competitors and notes, and the deals list shows them after a restart', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const created = await h['deal:create']({
      name: 'Hospital ERP', customer: 'St. Mary', stage: 'qualify', amount: { value: 900_000, currency: 'GBP' },
      closeDate: '2027-06-30', competitors: [' SAP ', 'Epic'], notes: 'Found at the March board.',
    })
    expect(created).toMatchObject({ stage: 'qualify', amount: { value: 900_000, currency: 'GBP' }, closeDate: '2027-06-30', competitors: ['SAP', 'Epic'], notes: 'Found at the March board.' })
    const view = await createHandlers({ dataDir, dialogs: noDialogs })['workspace:load']()
    expect(view.deals.find((d) => d.id === created.id)).toMatchObject({ stage: 'qualify', amount: { value: 900_000, currency: 'GBP' }, closeDate: '2027-06-30' })
  })

  it('refuses duplicate competitors as the details form does, writing nothing', async () => {
    const dataDir = await tempDir()
    const h = createHandlers({ dataDir, dialogs: noDialogs })
    const before = (await h['workspace:load']()).deals.length
    await expect(h['deal:create']({ name: 'Twice', customer: '', competitors: ['SAP', 'sap'] })).rejects.toMatchObject({ appError: { code: 'invalid-request' } })
    expect((await h['workspace:load']()).deals.length).toBe(before)
  })
})
