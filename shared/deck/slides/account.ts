import { clip } from '../text-fit'
import { INK, MARGIN, MUTED, SLIDE } from '../theme'
import type { DeckContext } from './context'

const KEY_ROWS = 12
const DEPARTMENT_ROWS = 7
const DEAL_ROWS = 6

type Cell = { text: string; options?: Record<string, unknown> }
const head = (text: string): Cell => ({ text, options: { bold: true, fill: { color: 'E8E8E8' } } })

/**
 * "Account overview" (docs/method.md, "Accounts"): the customer across all its deals, in the
 * deck of any of its deals when the account says more than the deal (two or more deals, or
 * people known only to the account). Numbers come from the same `accountOverview` the
 * account view and `war-room account` show.
 */
export function addAccountSlide(ctx: DeckContext): void {
  const { t, font } = ctx
  const account = ctx.input.account
  // A caller that has no account to give (a deal file exported on its own) asks for no account slide.
  if (!account) return
  if (account.deals.length < 2 && account.accountOnly === 0) {
    ctx.skip('account', 'deck:skipped.account')
    return
  }
  const { slide, number } = ctx.addSlide(ctx.fit(t('deck:slide.account', { customer: account.customer }), SLIDE.w - 2 * MARGIN, 24, true))
  ctx.tableSlides.add(number)
  ctx.notes(slide, [t('deck:notes.account')])
  const left = { x: MARGIN, w: 5.6 }
  const right = { x: MARGIN + 6.0, w: SLIDE.w - 2 * MARGIN - 6.0 }
  slide.addText([
    { text: t(account.accountOnly ? 'deck:account.summary' : 'deck:account.summaryAll', { people: account.people, deals: account.deals.length, accountOnly: account.accountOnly }), options: { breakLine: true } },
    { text: t('deck:account.coverage', { ...account.coverage }), options: { bold: true } },
  ], { x: left.x, y: 1.0, w: left.w, h: 0.7, fontFace: font, fontSize: 14, color: INK, valign: 'top', margin: 0 })

  const deals = account.deals.slice(0, DEAL_ROWS)
  slide.addTable([
    [head(t('deck:account.deals')), head('')],
    ...deals.map((d): Cell[] => [{ text: clip(d.name, 60) }, { text: d.open ? t('deck:account.open') : t(`common:stage.${d.stage}`) }]),
  ], { x: left.x, y: 1.85, w: left.w, colW: [4.1, 1.5], rowH: 0.3, fontFace: font, fontSize: 11, color: INK, margin: 2, border: { type: 'solid', color: 'FFFFFF', pt: 1 }, objectName: 'Account deals' })

  const departments = account.departments.slice(0, DEPARTMENT_ROWS)
  const deptY = 1.85 + 0.3 * (deals.length + 1) + 0.3
  slide.addTable([
    [head(t('deck:account.departments')), head(t('deck:account.reachedBy'))],
    ...departments.map((d): Cell[] => [
      { text: `${clip(d.name, 40)} (${d.people})` },
      d.reachedBy.length ? { text: clip(d.reachedBy.map((s) => ctx.sellerName(s)).join(', '), 80) } : { text: t('deck:account.nobody'), options: { color: MUTED, italic: true } },
    ]),
  ], { x: left.x, y: deptY, w: left.w, colW: [2.8, 2.8], rowH: 0.3, fontFace: font, fontSize: 11, color: INK, margin: 2, border: { type: 'solid', color: 'FFFFFF', pt: 1 }, objectName: 'Account departments' })

  const key = account.whoKnowsWhom.filter((w) => w.key).slice(0, KEY_ROWS)
  slide.addTable([
    [head(t('deck:account.person')), head(t('deck:account.seller')), head(t('deck:account.strength'))],
    ...key.map((w): Cell[] => [
      { text: clip(w.name, 50), options: { bold: true } },
      w.sellerId ? { text: ctx.sellerName(w.sellerId) } : { text: t('deck:account.nobody'), options: { color: MUTED, italic: true } },
      { text: String(w.strength), options: { align: 'center' } },
    ]),
  ], { x: right.x, y: 1.3, w: right.w, colW: [right.w * 0.45, right.w * 0.38, right.w * 0.17], rowH: 0.34, fontFace: font, fontSize: 12, color: INK, margin: 2, border: { type: 'solid', color: 'FFFFFF', pt: 1 }, objectName: 'Who knows whom' })
  slide.addText(t('deck:account.whoKnows'), { x: right.x, y: 1.0, w: right.w, h: 0.26, fontFace: font, fontSize: 12, bold: true, color: INK, margin: 0 })
}
