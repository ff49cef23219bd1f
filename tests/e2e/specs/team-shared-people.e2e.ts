import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type App } from '../harness/app'
import { screenshotsIn } from '../harness/screenshots'
import { CapturePage } from '../poms/CapturePage'
import { CollabPage, type Who } from '../poms/CollabPage'
import { DealsPage } from '../poms/DealsPage'
import { InsightsPage } from '../poms/InsightsPage'
import { MapPage } from '../poms/MapPage'
import { RosterPage } from '../poms/TeamPage'
import { TeamServer, twoLaptops } from '../harness/team-server'

/**
 * One person known on two laptops (docs/method.md, "One person, several ids"): Bruno knows
 * Priya Raman of Contoso from a private deal, with a relationship; Anna shares a deal with the
 * same Priya (same email). Joining must not claim changes nobody made, the account view shows
 * one Priya with his relationship, and reopening the deal adds no lines and nothing waiting.
 * Pictures go to E2E_SHOTS (default .e2e-shots/walk-share-ids, not committed).
 */
const SHOTS = process.env.E2E_SHOTS ?? resolve(import.meta.dirname, '../../../.e2e-shots/walk-share-ids')
const { shot, bothSizes } = screenshotsIn(SHOTS)
const CUSTOMER = 'Contoso'
const ANNA = { token: 'e2e-token-anna-kowalski-0001', name: 'Anna Kowalski', email: 'anna@example.com', role: 'editor' }
const BRUNO = { token: 'e2e-token-bruno-keller-00002', name: 'Bruno Keller', email: 'bruno@example.com', role: 'editor' }
const PRIYA = { name: 'Priya Raman', title: 'Head of Procurement', department: 'Procurement' }
const GRACE = { name: 'Grace Liu', title: 'CIO', department: 'IT' }
const LIVE = { timeout: 15_000 }

async function typeEmail(page: Page, name: string, email: string): Promise<void> {
  const map = new MapPage(page)
  await map.search(name)
  await page.getByTestId('tab-inspector').click()
  await map.inspector.getByTestId('field-email').click()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
}

async function changeLines(page: Page): Promise<string[]> {
  await page.getByTestId('collab-menu').click()
  await page.waitForTimeout(500)
  const lines = await page.getByTestId('collab-change').allTextContents()
  await page.getByTestId('collab-menu').click()
  return lines.map((l) => l.trim())
}

async function openAccount(page: Page): Promise<{ priyas: number; candidates: string[]; knows: string[] }> {
  const map = new MapPage(page)
  if (!(await page.getByTestId('deal-item').first().isVisible())) await map.backToDeals()
  await page.getByTestId('deal-item').filter({ hasText: CUSTOMER }).first().getByTestId('open-account').click()
  const view = page.getByTestId('account-view')
  await expect.poll(() => view.getByTestId('account-counts').isVisible(), LIVE).toBe(true)
  await page.waitForTimeout(500)
  const priyas = await view.locator('.account-node').filter({ hasText: 'Priya Raman' }).count()
  const candidates = (await view.getByTestId('account-candidate').allTextContents()).map((t) => t.trim())
  const knows = (await view.getByTestId('who-knows-row').allTextContents()).map((t) => t.trim())
  return { priyas, candidates, knows }
}

describe('a shared deal with a person this laptop already knows', () => {
  let team: TeamServer
  let a: App
  let b: App
  let dealId: string
  const who = (t: typeof ANNA): Who => team.who(t)
  const seen: Record<string, unknown> = {}

  beforeAll(async () => {
    team = await TeamServer.start('e2e-shared-people-', [ANNA, BRUNO])
    ;[a, b] = await twoLaptops()
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await team?.remove()
  })

  it('1. Bruno has a private deal of Contoso with Priya and his relationship with her', async () => {
    const pb = b.page
    const roster = await new RosterPage(pb).openFromDeals()
    await roster.startNew()
    await roster.fill({ name: BRUNO.name, email: BRUNO.email, kinds: ['account'] })
    await roster.save()
    await roster.close()
    await new DealsPage(pb).create({ name: 'Contoso private', customer: CUSTOMER, stage: 'qualify' })
    await new MapPage(pb).waitUntilShown()
    await new CapturePage(pb).enterOrg([PRIYA])
    await typeEmail(pb, 'Priya', 'priya@contoso.example')
    await new MapPage(pb).inspector.getByTestId('field-owners').getByLabel(BRUNO.name).check()
    const id = await pb.getByTestId('stakeholder-card').filter({ hasText: 'Priya' }).getAttribute('data-stakeholder-id')
    const ui = new InsightsPage(pb)
    await ui.openTab('heatmap')
    await ui.typeScore(id!, 'goodwill', 5)
    await expect.poll(() => ui.heatmapCell(id!, 'goodwill').getAttribute('data-score'), LIVE).toBe('5')
    await shot(pb, '01-bruno-private-heatmap-en-1280')
    await new MapPage(pb).backToDeals()
  })

  it('2. Anna creates a Contoso deal with Priya (same email) and Grace, and shares it', async () => {
    const pa = a.page
    await new DealsPage(pa).create({ name: 'Contoso renewal', customer: CUSTOMER, stage: 'qualify' })
    await new MapPage(pa).waitUntilShown()
    await new CapturePage(pa).enterOrg([GRACE, { ...PRIYA, manager: 'Grace Liu' }])
    await typeEmail(pa, 'Priya', 'priya@contoso.example')
    const ca = new CollabPage(pa)
    await ca.share(who(ANNA))
    await expect.poll(() => ca.status(), LIVE).toBe('connected')
    dealId = await ca.dealId()
    seen.annaLinesShared = await changeLines(pa)
    await shot(pa, '02-anna-shared-en-1280')
  })

  it('3. Bruno joins: nothing claims a change nobody made', async () => {
    const pb = b.page
    const cb = new CollabPage(pb)
    await cb.join(who(BRUNO), dealId)
    await expect.poll(() => new MapPage(pb).cards.count(), LIVE).toBe(2)
    await expect.poll(() => cb.status(), LIVE).toBe('connected')
    await pb.waitForTimeout(3_000)
    seen.brunoPill = await cb.statusText()
    seen.brunoNotice = ((await pb.locator('[role="status"], .toast, .notice').allTextContents()) ?? []).map((t) => t.trim()).filter(Boolean)
    await bothSizes(pb, '03-bruno-joined-en')
    await pb.setViewportSize({ width: 1280, height: 720 })
    await pb.getByTestId('collab-menu').click()
    await shot(pb, '04-bruno-what-changed-en-1280')
    await pb.getByTestId('collab-menu').click()
    seen.brunoLines = await changeLines(pb)
    seen.annaLines = await changeLines(a.page)
    const priyaA = await a.page.getByTestId('stakeholder-card').filter({ hasText: 'Priya' }).getAttribute('data-stakeholder-id')
    await new InsightsPage(a.page).openTab('heatmap')
    seen.annaSeesBrunoGoodwill = await new InsightsPage(a.page).heatmapRow(priyaA!).first().textContent()
    await new InsightsPage(a.page).openTab('inspector')
    console.log('[walk] step3', JSON.stringify(seen))
    expect(seen.brunoPill).toBe('Live')
    // Joining brought Bruno's relationship with Priya from his account (person-scoped, docs/method.md,
    // "Accounts"): one change of his, named for what it is, on both laptops; no other line of his.
    for (const lines of [seen.brunoLines, seen.annaLines] as string[][]) {
      expect(lines.filter((l) => /Bruno Keller/.test(l)).map((l) => l.replace(/\d+:\d+ [AP]M$/, ''))).toEqual(["Bruno Keller · updated Priya Raman from the customer's account"])
    }
    // Bruno's heatmap shows his relationship with Priya, brought from the account on join
    // ("1 person updated from the account"): Anna's must show it too, or it is his alone.
    expect(seen.annaSeesBrunoGoodwill).toMatch(/0500000\s*14\s*Weak$/)
    // And her page names him, once main has added him to her roster (docs/collaboration.md,
    // "Found walking the app (walk-share-ids)").
    await new InsightsPage(a.page).openTab('heatmap')
    await expect.poll(() => new InsightsPage(a.page).heatmapRow(priyaA!).first().textContent(), LIVE).toMatch(/Bruno K/)
    await new InsightsPage(a.page).openTab('inspector')
  })

  it('4. Bruno\'s account view for Contoso: one Priya, with his relationship, no candidate to confirm', async () => {
    const acc = await openAccount(b.page)
    await bothSizes(b.page, '05-bruno-account-en')
    await b.page.setViewportSize({ width: 1280, height: 720 })
    console.log('[walk] step4', JSON.stringify(acc))
    await b.page.getByTestId('account-view-close').click()
    expect(acc.priyas).toBe(1)
    expect(acc.candidates).toEqual([])
    expect(acc.knows.some((k) => /Priya Raman/.test(k))).toBe(true)
  })

  it('5. both close and reopen the deal twice: connected, nothing waiting, no new lines', async () => {
    await openDeal(b.page, dealId)
    const before = [await changeLines(a.page), await changeLines(b.page)]
    const pills: string[] = []
    const notices: number[] = []
    const lines: number[] = []
    for (let i = 0; i < 2; i++) {
      for (const app of [a, b]) {
        await app.restart()
        await app.page.setViewportSize({ width: 1280, height: 720 })
        await openDeal(app.page, dealId)
        const c = new CollabPage(app.page)
        await expect.poll(() => c.status(), LIVE).toBe('connected')
      }
      await a.page.waitForTimeout(3_000)
      for (const app of [a, b]) pills.push(await new CollabPage(app.page).statusText())
      for (const app of [a, b]) notices.push((await app.page.getByText(/updated from the account/).allTextContents()).length)
      lines.push((await changeLines(a.page)).length)
    }
    const after = [await changeLines(a.page), await changeLines(b.page)]
    await shot(b.page, '06-bruno-reopened-twice-en-1280')
    console.log('[walk] step5', JSON.stringify({ before, after, pills, notices, lines }))
    expect(pills).toEqual(['Live', 'Live', 'Live', 'Live'])
    // Nobody edited anything: opening again must not add "Bruno Keller · edited Priya Raman"
    // (docs/method.md, "One person, several ids"), nor tell again of people updated.
    expect(after.map((l) => l.length)).toEqual(before.map((l) => l.length))
    expect(notices).toEqual([0, 0, 0, 0])
  })

  it('6. steps 3–4 in Chinese at both sizes', async () => {
    const pb = b.page
    await new MapPage(pb).backToDeals()
    await pb.getByTestId('language-select').selectOption('zh-CN')
    await expect.poll(() => pb.locator('html').getAttribute('lang')).toBe('zh-CN')
    const acc = await openAccount(pb)
    await bothSizes(pb, '07-bruno-account-zh-CN')
    await pb.getByTestId('account-view-close').click()
    await openDeal(pb, dealId)
    await bothSizes(pb, '08-bruno-deal-zh-CN')
    await pb.setViewportSize({ width: 1280, height: 720 })
    await pb.getByTestId('collab-menu').click()
    await shot(pb, '09-bruno-what-changed-zh-CN-1280')
    await pb.getByTestId('collab-menu').click()
    expect(acc.priyas).toBe(1)
    expect(a.pageErrors).toEqual([])
    expect(b.pageErrors).toEqual([])
  })
})

async function openDeal(page: Page, dealId: string): Promise<void> {
  await new DealsPage(page).waitUntilShown()
  await page.locator(`[data-deal-id="${dealId}"] .deal-open`).click()
  await new MapPage(page).waitUntilShown()
}

