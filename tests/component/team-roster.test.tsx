import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Seller } from '@shared/model'
import type { Api } from '@shared/ipc'
import { RosterDialog } from '../../renderer/roster/RosterDialog'
import { openRoster, useRosterStore } from '../../renderer/roster/roster-store'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'
import { aSeller } from '../fixtures/builders'

/** A stand-in for main's roster handlers: keeps the roster in memory, like the store would on disk. */
function fakeRosterApi(initial: Seller[]): { saved: Seller[] } {
  const state = { roster: [...initial], saved: [] as Seller[] }
  ;(window as unknown as { api: Partial<Api> }).api = {
    saveSeller: async (seller: Seller) => {
      state.saved.push(seller)
      state.roster = [...state.roster.filter((s) => s.id !== seller.id), seller]
      return { ok: true, value: state.roster }
    },
    archiveSeller: async (id: string, archived: boolean) => {
      state.roster = state.roster.map((s) => (s.id === id ? { ...s, archived } : s))
      return { ok: true, value: state.roster }
    },
  }
  return state
}

describe('roster dialog', () => {
  const ben = aSeller('ben', { name: 'Ben Carter', level: 'mid', kinds: ['solution'] })
  beforeEach(() => {
    useWorkspaceStore.setState({
      roster: [ben], settings: DEFAULT_SETTINGS,
      deals: [{ id: 'd1', name: 'Harbor Bank', customer: 'Harbor', stage: 'propose', amount: { value: 0, currency: 'USD' }, closeDate: null, team: [{ sellerId: 'ben', seat: 'solution', lead: true }] }],
    })
  })
  afterEach(() => useRosterStore.setState({ open: false, selectedId: null }))

  it('refuses an empty name and a bad email at the field, then saves a valid seller', async () => {
    const api = fakeRosterApi([ben])
    act(() => openRoster())
    render(<RosterDialog />)
    fireEvent.click(screen.getByTestId('roster-new'))
    fireEvent.change(screen.getByTestId('seller-email'), { target: { value: 'tara@' } })
    fireEvent.blur(screen.getByTestId('seller-email'))
    expect(screen.getByTestId('seller-email-error').textContent).toBe('This is not an email address')
    await act(async () => fireEvent.click(screen.getByTestId('seller-save')))
    expect(screen.getByTestId('seller-name-error').textContent).toBe('A name is required')
    expect(api.saved).toEqual([])

    fireEvent.change(screen.getByTestId('seller-name'), { target: { value: '  Tara Lin ' } })
    fireEvent.change(screen.getByTestId('seller-email'), { target: { value: 'tara@example.com' } })
    fireEvent.change(screen.getByTestId('seller-level'), { target: { value: 'top' } })
    fireEvent.click(screen.getByTestId('seller-kind-solution'))
    fireEvent.click(screen.getByTestId('seller-kind-account'))
    await act(async () => fireEvent.click(screen.getByTestId('seller-save')))
    expect(api.saved).toHaveLength(1)
    expect(api.saved[0]).toMatchObject({ name: 'Tara Lin', email: 'tara@example.com', level: 'top', kinds: ['solution'] })
    expect(useWorkspaceStore.getState().roster.map((s) => s.name)).toEqual(['Ben Carter', 'Tara Lin'])
  })

  it("shows a seller's mastered roles and the deals they sit on; archives and brings them back", async () => {
    fakeRosterApi([ben])
    act(() => openRoster('ben'))
    render(<RosterDialog />)
    const profile = screen.getByTestId('seller-profile')
    expect(within(profile).getByTestId('profile-roles').textContent).toContain('Attack')
    expect(within(profile).getByTestId('profile-roles').querySelectorAll('li')).toHaveLength(1)
    expect(within(profile).getByTestId('profile-deals').textContent).toContain('Harbor Bank')
    expect(within(profile).getByTestId('profile-deals').textContent).toContain('Solution seat (lead)')

    await act(async () => fireEvent.click(screen.getByTestId('seller-archive')))
    expect(useWorkspaceStore.getState().roster[0].archived).toBe(true)
    expect(screen.getByTestId('seller-archive').textContent).toBe('Bring back')
    await act(async () => fireEvent.click(screen.getByTestId('seller-archive')))
    expect(useWorkspaceStore.getState().roster[0].archived).toBe(false)
  })
})
