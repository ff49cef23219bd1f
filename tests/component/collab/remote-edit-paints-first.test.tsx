import { Profiler } from 'react'
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AnalysisInputs } from '@shared/analysis'
import type { Deal } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openSharedDeal } from './shared-deal'
import { MapStatusBadge } from '../../../renderer/insights'
import { CollabBar } from '../../../renderer/collab'
import { AddFromAccountDialog } from '../../../renderer/accounts/AddFromAccountDialog'
import { SearchBox } from '../../../renderer/map/SearchBox'
import { FocusBanner } from '../../../renderer/map/FocusBanner'
import { Room } from '../map/war-room'

/** What the page showed each time the deal was analysed: was the colleague's title already on screen? */
const analysedWhile = vi.hoisted(() => [] as Array<{ title: string; shown: boolean }>)
vi.mock('@shared/analysis', async (original) => {
  const real = await original<typeof import('@shared/analysis')>()
  return {
    ...real,
    analyzeDeal: (inputs: AnalysisInputs) => {
      for (const s of inputs.deal.stakeholders) if (s.title.startsWith('Chief')) analysedWhile.push({ title: s.title, shown: document.body.textContent?.includes(s.title) ?? false })
      return real.analyzeDeal(inputs)
    },
  }
})

/**
 * A colleague's edit paints before any view re-analyses the deal (docs/collaboration-app.md,
 * "Measured"): the map status, the team panel and the strength dots read the analysis of the
 * new deal in a render of their own, after the frame that shows the edit. Before, the map
 * status badge analysed the new deal inside the render that drew the card, so every remote
 * edit waited for a whole analysis before it could show.
 */
describe("a colleague's edit on screen", () => {
  afterEach(() => useDealStore.getState().setSharedSink(null))

  it('is drawn before the deal is analysed again, and the analysis follows', async () => {
    const deal: Deal = aDeal().named('Northwind rollout', 'Northwind')
      .withStakeholder('grace', { name: 'Grace Liu', title: 'Head of IT', department: 'IT' })
      .build()
    const push = await openSharedDeal(deal, <><MapStatusBadge /><Room /></>)
    expect(await screen.findByTestId('map-status')).toBeTruthy()
    analysedWhile.length = 0

    await push({ kind: 'people', dealId: deal.id, people: [{ ...deal.stakeholders[0], title: 'Chief Information Officer' }] })
    expect(screen.getAllByText('Chief Information Officer').length).toBeGreaterThan(0)
    // The new deal was analysed (the badge and panels are up to date), but only once it was on screen.
    expect(analysedWhile.length).toBeGreaterThan(0)
    expect(analysedWhile.filter((a) => !a.shown)).toEqual([])
  })

  it('redraws no part of the window that does not show the edited person', async () => {
    const deal: Deal = aDeal().named('Northwind rollout', 'Northwind')
      .withStakeholder('grace', { name: 'Grace Liu', title: 'Head of IT', department: 'IT' })
      .build()
    const commits = new Map<string, number>()
    const count = (id: string) => commits.set(id, (commits.get(id) ?? 0) + 1)
    const watched = (id: string, node: React.ReactNode) => <Profiler id={id} onRender={count}>{node}</Profiler>
    const push = await openSharedDeal(deal, (
      <>
        {watched('sharing menu', <CollabBar />)}
        {watched('search box', <SearchBox />)}
        {watched('focus banner', <FocusBanner />)}
        {watched('add from account', <AddFromAccountDialog />)}
        <Room />
      </>
    ))
    expect(await screen.findByTestId('collab-menu')).toBeTruthy()
    const before = new Map(commits)
    await push({ kind: 'people', dealId: deal.id, people: [{ ...deal.stakeholders[0], title: 'Chief Information Officer' }] })
    expect(screen.getAllByText('Chief Information Officer').length).toBeGreaterThan(0)
    const redrawn = [...commits].filter(([id, n]) => n !== before.get(id)).map(([id]) => id)
    expect(redrawn).toEqual([])
  })
})
