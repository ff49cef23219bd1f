import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { accountFromDeals, accountOverview, emptyAccount } from '@shared/accounts'
import { buildDeckWithReport, SLIDE_IDS } from '@shared/deck'
import { analyzeDeal } from '@shared/analysis'
import { newStakeholder } from '@shared/model'
import { sampleWorkspace } from '@shared/sample-deal'
import { slideXmls, TODAY } from './deck-helpers'
import { pdfPages, pdfText, soffice, toPdf } from '../../fixtures/office'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function accountOfTwoDeals() {
  const { deal, roster } = sampleWorkspace(TODAY)
  const second = { ...deal, id: 'payments', name: 'Payments hub', stage: 'won' as const, stakeholders: [newStakeholder({ name: 'Nina Park', title: 'Head of Payments', department: 'Payments', position: { x: 0, y: 0 } })], links: [], team: [] }
  const deals = [deal, second]
  const account = accountFromDeals(emptyAccount('acct-hcb', deal.customer), deals).account
  return { deal, roster, overview: accountOverview(account, deals, { today: TODAY }) }
}

async function deck(language: 'en' | 'zh-CN', withAccount: ReturnType<typeof accountOfTwoDeals>['overview'] | undefined) {
  const { deal, roster } = sampleWorkspace(TODAY)
  return buildDeckWithReport({ deal, roster, analysis: analyzeDeal({ deal, roster, openDeals: [], settings: {}, today: TODAY }), language, today: TODAY, slides: SLIDE_IDS, ...(withAccount ? { account: withAccount } : {}) })
}

describe('the "Account overview" slide', () => {
  it('is in the deck of a deal whose account has two deals: people, coverage, deals, who knows the key people', async () => {
    const { overview } = accountOfTwoDeals()
    const { bytes, skipped } = await deck('en', overview)
    expect(skipped.map((s) => s.slide)).not.toContain('account')
    const xml = (await slideXmls(bytes)).find((x) => x.includes('Account overview: Harbor City Bank'))!
    expect(xml).toBeDefined()
    expect(xml).toContain('13 people · 2 deals')
    expect(xml).toContain('Payments hub')
    expect(xml).toContain('Daniel Okafor')
    expect(xml).toContain('Anna Kowalski')
  })

  it('is left out, with the reason, when the account is this deal alone', async () => {
    const { deal } = sampleWorkspace(TODAY)
    const lone = accountOverview(accountFromDeals(emptyAccount('acct-hcb', deal.customer), [deal]).account, [deal], { today: TODAY })
    const { skipped } = await deck('en', lone)
    expect(skipped.find((s) => s.slide === 'account')?.reasonKey).toBe('deck:skipped.account')
  })

  it.skipIf(!soffice)('opens in LibreOffice in English and Chinese with the account on its page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-account-'))
    dirs.push(dir)
    const { overview } = accountOfTwoDeals()
    writeFileSync(join(dir, 'en.pptx'), (await deck('en', overview)).bytes)
    writeFileSync(join(dir, 'zh.pptx'), (await deck('zh-CN', overview)).bytes)
    const [enPdf, zhPdf] = await toPdf([join(dir, 'en.pptx'), join(dir, 'zh.pptx')], dir)
    const en = pdfText(enPdf)
    expect(en).toContain('Account overview: Harbor City Bank')
    expect(en).toContain('Who knows whom (key people)')
    const zh = pdfText(zhPdf)
    expect(zh).toContain('客户概览')
    if (process.env.ACCOUNT_SLIDE_PNG) pdfPages(enPdf, process.env.ACCOUNT_SLIDE_PNG, 60)
  }, 180_000)
})
