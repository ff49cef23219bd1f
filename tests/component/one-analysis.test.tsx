import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildDeck } from '@shared/deck'
import type { DealSummary } from '@shared/ipc'
import { DEFAULT_SETTINGS, type Deal, type Language, type Seller, type Settings } from '@shared/model'
import { i18next } from '../../renderer/i18n'
import { InsightsPanel } from '../../renderer/insights/InsightsPanel'
import { MapStatusBadge } from '../../renderer/insights/MapStatusBadge'
import { MeetingMode } from '../../renderer/meeting/MeetingMode'
import { useMeetingStore } from '../../renderer/meeting/meeting-store'
import { useDealStore } from '../../renderer/state/deal-store'
import { pinToday } from '../../renderer/state/today'
import { analysisOf } from '../../renderer/state/use-deal-analysis'
import { summaryOf, useWorkspaceStore } from '../../renderer/state/workspace-store'
import { TeamPanel } from '../../renderer/team/TeamPanel'
import { aDeal, aSeller } from '../fixtures/builders'
import { shapesOf, slideXmls } from '../unit/deck/deck-helpers'

// Every room that shows a deal's verdict and map status must say the same thing about it:
// the team tab, the insights panel, the top bar's badge, the meeting caption and the deck.

const TODAY = '2026-03-12'
const anna = aSeller('anna', { name: 'Anna Kowalski', level: 'senior', kinds: ['account'] })
const tara = aSeller('tara', { name: 'Tara Lin', level: 'top', kinds: ['solution'] })
const chen = aSeller('chen', { name: 'Chen Wei', level: 'mid', kinds: ['project'] })
const jo = aSeller('jo', { name: 'Jo Junior', level: 'junior', kinds: ['account', 'solution', 'project'] })
const roster: Seller[] = [anna, tara, chen, jo]

const fullTeam = (id: string) => aDeal(id).seat(anna, 'account', { lead: true }).seat(tara, 'solution').seat(chen, 'project')

/** A customer side with a supportive decision maker (green) and an unanswered opponent (serious). */
const withCustomer = (builder: ReturnType<typeof aDeal>) => builder
  .withStakeholder('dm', { name: 'Li Na', buyingRole: 'decision-maker', stance: 'supporter', influence: 'high', department: 'IT' })
  .ownedBy('dm', anna)
  .withRelationship('dm', anna, { value: 4, goodwill: 4, dignity: 4, presence: 4, depth: 4 }, { knownSince: '2018-01-01' })
  .withContact('dm', anna, '2026-03-01')
  .withStakeholder('coo', { name: 'Rita Sousa', stance: 'opponent', influence: 'high', department: 'Operations' })
  .ownedBy('coo', anna)

/** Other open deals on which Tara sits: with a limit of 3 they overload her here. */
const otherDeals: Deal[] = ['o1', 'o2', 'o3'].map((id) => aDeal(id).seat(tara, 'solution').build())

interface Case {
  name: string
  deal: Deal
  settings: Settings
  verdict: string
}

const cases: Case[] = [
  { name: 'a covered team with a serious finding on a green map', deal: withCustomer(fullTeam('covered')).build(), settings: DEFAULT_SETTINGS, verdict: 'covered' },
  // Only the other open deals and the workspace's limit make Tara overloaded.
  { name: 'a team whose seller the other open deals overload', deal: withCustomer(fullTeam('loaded')).build(), settings: { ...DEFAULT_SETTINGS, maxOpenDealsPerSeller: 3 }, verdict: 'at-risk' },
  {
    name: 'one junior seller in all three seats',
    deal: withCustomer(aDeal('junior').seat(jo, 'account').seat(jo, 'solution').seat(jo, 'project')).build(),
    settings: DEFAULT_SETTINGS,
    verdict: 'gaps',
  },
]

function openWorkspace(deal: Deal, settings: Settings): DealSummary[] {
  pinToday(TODAY)
  const deals = [deal, ...otherDeals].map((d) => summaryOf(d))
  useWorkspaceStore.setState({ roster, deals, settings })
  useDealStore.setState({ deal, selection: [], linkSelection: [], focusRequest: null })
  useMeetingStore.setState({ active: true, step: -1 })
  return deals
}

/** The deck's title slide as the export dialog builds it: the analysis the panels show. */
async function titleSlide(deal: Deal, deals: DealSummary[], settings: Settings, language: Language) {
  const analysis = analysisOf(deal, { roster, deals, settings })
  const bytes = await buildDeck({ deal, roster, analysis, language, today: TODAY, slides: ['title'] })
  const shapes = shapesOf((await slideXmls(bytes))[0])
  return { status: shapes.find((s) => s.name === 'Map status')!.text, texts: shapes.map((s) => s.text) }
}

describe('one analysis: every view tells the same verdict and map status', () => {
  afterEach(async () => {
    useMeetingStore.setState({ active: false })
    useDealStore.setState({ deal: null })
    await act(() => i18next.changeLanguage('en'))
  })

  for (const language of ['en', 'zh-CN'] as const) {
    for (const c of cases) {
      it(`${c.name} (${language})`, async () => {
        await act(() => i18next.changeLanguage(language))
        const deals = openWorkspace(c.deal, c.settings)
        render(<><TeamPanel /><InsightsPanel /><MapStatusBadge /><MeetingMode /></>)

        const teamVerdict = screen.getByTestId('team-verdict')
        expect(teamVerdict.dataset.verdict).toBe(c.verdict)
        const verdictText = teamVerdict.querySelector('.verdict-title')!.textContent!
        const meetingVerdict = screen.getByTestId('meeting-verdict')
        expect(meetingVerdict.dataset.verdict).toBe(c.verdict)
        expect(meetingVerdict.textContent).toBe(verdictText)

        // The badge comes in the frame after the view's first (docs/performance.md, "Open, part 3").
        const statusText = (await screen.findByTestId('map-status-line')).textContent!
        expect(statusText).toMatch(language === 'en' ? /^Green · \d serious · \d+ warnings?$/ : /^绿 · \d 个严重 · \d+ 个警告$/)
        expect(screen.getByTestId('insights-map-status-line').textContent).toBe(statusText)
        expect(screen.getByTestId('meeting-map-status').textContent).toBe(statusText)

        const deck = await titleSlide(c.deal, deals, c.settings, language)
        expect(deck.status).toBe(statusText)
        expect(deck.texts).toContain(verdictText)
      })
    }
  }

  it('the verdict follows the other open deals and the settings in every view', async () => {
    const loaded = cases[1]
    const deals = openWorkspace(loaded.deal, loaded.settings)
    render(<><TeamPanel /><MeetingMode /></>)
    expect(screen.getByTestId('meeting-verdict').textContent).toBe('At risk')
    expect(screen.getAllByTestId('team-finding').map((f) => f.dataset.code)).toContain('overloaded-seller')
    expect((await titleSlide(loaded.deal, deals, loaded.settings, 'en')).texts).toContain('At risk')
  })
})
