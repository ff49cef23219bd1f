import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Api, WorkspaceView } from '@shared/ipc'
import { DEFAULT_SETTINGS } from '@shared/model'
import { askForWorkspaceEarly } from '../../renderer/state/early-workspace'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'

const view = (name: string): WorkspaceView => ({
  settings: DEFAULT_SETTINGS, roster: [], damaged: [], conflictCopies: [], recentDealIds: [], notices: [],
  deals: [{ id: name, name, customer: 'Acme', stage: 'qualify', amount: { value: 0, currency: 'EUR' }, closeDate: '2027-01-31', stakeholderCount: 0, team: [] }],
})

function installApi(answers: WorkspaceView[]) {
  const loadWorkspace = vi.fn(async () => ({ ok: true as const, value: answers.shift()! }))
  ;(window as unknown as { api: Partial<Api> }).api = { loadWorkspace, setMenuLanguage: async () => ({ ok: true as const, value: undefined }) } as unknown as Partial<Api>
  return loadWorkspace
}

/**
 * The page asks main for the workspace from its tiny entry module, before the app's chunk
 * has been parsed (docs/performance.md, "Open, part 3"): the deals list is built from that
 * answer, and only from it the first time; a later load (after a restore, say) asks again.
 */
describe('the workspace asked for before the app has loaded', () => {
  afterEach(() => useWorkspaceStore.setState({ loaded: false, deals: [] }))

  it('lists the deals of the early answer without asking main twice, and asks afresh later', async () => {
    const loadWorkspace = installApi([view('early'), view('later')])
    askForWorkspaceEarly()
    expect(loadWorkspace).toHaveBeenCalledTimes(1)

    await useWorkspaceStore.getState().load()
    expect(loadWorkspace).toHaveBeenCalledTimes(1)
    expect(useWorkspaceStore.getState().deals.map((d) => d.name)).toEqual(['early'])

    await useWorkspaceStore.getState().load()
    expect(loadWorkspace).toHaveBeenCalledTimes(2)
    expect(useWorkspaceStore.getState().deals.map((d) => d.name)).toEqual(['later'])
  })

  it('shows main’s refusal of the early request as the load’s failure', async () => {
    const answers = [{ ok: false as const, error: { code: 'io' as const, message: 'disk gone' } }, { ok: true as const, value: view('later') }]
    ;(window as unknown as { api: Partial<Api> }).api = { loadWorkspace: vi.fn(async () => answers.shift()!) } as unknown as Partial<Api>
    askForWorkspaceEarly()
    await useWorkspaceStore.getState().load()
    expect(useWorkspaceStore.getState().loadError).toBe('disk gone')
  })
})
