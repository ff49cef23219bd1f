import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/model'
import { summaryOf, useWorkspaceStore } from '../../renderer/state/workspace-store'
import { aDeal, aSeller } from '../fixtures/builders'

describe('the deals list follows live edits of the open deal', () => {
  it('the team verdict turns from gaps to covered as qualified sellers take all three seats', () => {
    const roster = [
      aSeller('anna', { level: 'senior', kinds: ['account'] }),
      aSeller('tara', { level: 'top', kinds: ['solution'] }),
      aSeller('chen', { level: 'senior', kinds: ['project'] }),
    ]
    const empty = aDeal('d1').build()
    useWorkspaceStore.setState({ roster, settings: DEFAULT_SETTINGS, deals: [{ ...summaryOf(empty), teamVerdict: 'gaps' }] })
    const seated = {
      ...empty,
      team: [
        { sellerId: 'anna', seat: 'account' as const, lead: true },
        { sellerId: 'tara', seat: 'solution' as const, lead: true },
        { sellerId: 'chen', seat: 'project' as const, lead: true },
      ],
    }
    useWorkspaceStore.getState().noteDealChanged(seated)
    expect(useWorkspaceStore.getState().deals[0].teamVerdict).toBe('covered')
    useWorkspaceStore.getState().noteDealChanged({ ...seated, team: seated.team.slice(1) })
    expect(useWorkspaceStore.getState().deals[0].teamVerdict).toBe('gaps')
  })
})
