/**
 * The account view for 10 deals × 200 people (docs/method.md, "Accounts"): the time to open
 * it through IPC (main loads the account's deals and its file, links, aggregates), and the
 * pure aggregation alone, each beside its peer measured in the same run: opening one
 * 200-person deal. The view's first paint is not measured here (no browser in this suite).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { accountFromDeals, accountOverview, emptyAccount } from '@shared/accounts'
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION, type Deal, type DealFile } from '@shared/model'
import { openStores } from '../../electron/main/store'
import { createHandlers } from '../../electron/main/handlers'
import { invokeChannel } from '../../electron/main/ipc'
import type { ChannelResults } from '@shared/ipc'
import { indexEntryOf } from '../../electron/main/handlers/workspace-setup'
import { generateDeal } from '../../tests/fixtures/generate-large-deal'
import { median, round, row, timePaired, writePartial, type Row } from '../lib/stats'

const TODAY = '2026-03-01'
const CUSTOMER = 'Northwind Holdings'
const rows: Row[] = []
const dirs: string[] = []

afterAll(async () => {
  writePartial('accounts', rows)
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})

/** 10 deals of one customer, 200 people each; the first 100 of every deal are the same people (same email). */
function accountDeals(): DealFile[] {
  return Array.from({ length: 10 }, (_, d) => {
    const file = generateDeal({ stakeholders: 200, seed: 100 + d, today: TODAY })
    const deal: Deal = {
      ...file.deal, id: `deal-${d}`, name: `Northwind deal ${d + 1}`, customer: d % 2 ? CUSTOMER.toUpperCase() : CUSTOMER,
      stage: d < 7 ? 'propose' : d === 7 ? 'lost' : 'won', updatedAt: `2026-02-${String(d + 1).padStart(2, '0')}T10:00:00.000Z`,
      stakeholders: file.deal.stakeholders.map((s, i) => ({ ...s, email: i < 100 ? `person${i}@northwind.example` : `d${d}p${i}@northwind.example` })),
    }
    return { ...file, deal }
  })
}

describe('account view', () => {
  it('opens the account view for 10 deals × 200 people', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'war-room-bench-accounts-'))
    dirs.push(dataDir)
    const files = accountDeals()
    const stores = openStores(dataDir)
    for (const f of files) await stores.deals.save(stores.deals.checkFile(f))
    const roster = [...new Map(files.flatMap((f) => f.roster).map((s) => [s.id, s])).values()]
    await stores.workspace.save({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, settings: DEFAULT_SETTINGS, roster, deals: files.map((f) => indexEntryOf(f.deal)), recentDealIds: [] })
    const handlers = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null }, clock: () => new Date(`${TODAY}T12:00:00.000Z`) })
    await handlers['workspace:load']()
    // The first open builds the account file (the migration); the view is then opened as a user reopens it.
    const first = await invokeChannel(handlers, 'account:overview', [CUSTOMER])
    if (!first.ok) throw new Error(first.error.message)
    const people = (first.value as ChannelResults['account:overview']).overview.people

    const runs = await timePaired(
      async () => { const r = await invokeChannel(handlers, 'account:overview', [CUSTOMER]); if (!r.ok) throw new Error(r.error.message) },
      async () => { const r = await invokeChannel(handlers, 'deal:open', ['deal-0']); if (!r.ok) throw new Error(r.error.message) },
      7, 2,
    )
    const oursMs = median(runs.a)
    const peerMs = median(runs.b)
    rows.push(row({
      id: 'account-view-10x200', what: `Account view for 10 deals × 200 people (${people} account people): open time through IPC`,
      ours: round(oursMs), baseline: round(peerMs), unit: 'ms', target: '≤ 1,000 ms (report); peer: open one 200-person deal', pass: oursMs <= 1000,
      note: "invokeChannel('account:overview'): read the 10 deal files and accounts/<id>.json, link (idempotent, no write), aggregate; vs invokeChannel('deal:open') of one 200-person deal; 2 warm-ups, 7 paired runs, medians",
    }))

    const deals = files.map((f) => f.deal)
    const account = accountFromDeals(emptyAccount('acct-bench', CUSTOMER), deals).account
    const pure = await timePaired(
      () => accountOverview(account, deals, { today: TODAY }),
      () => accountOverview(accountFromDeals(emptyAccount('acct-one', CUSTOMER), [deals[0]]).account, [deals[0]], { today: TODAY }),
      7, 2,
    )
    rows.push(row({
      id: 'account-aggregate-10x200', what: `Account aggregation alone (accountOverview over ${account.persons.length} people, 10 deals)`,
      ours: round(median(pure.a)), baseline: round(median(pure.b)), unit: 'ms', target: 'report', pass: null,
      note: 'accountOverview over the linked account vs linking and aggregating one 200-person deal; 2 warm-ups, 7 paired runs, medians',
    }))
    console.log(rows.map((r) => `${r.id}: ${r.ours} ${r.unit} (peer ${r.baseline})`).join('\n'))
  })
})
