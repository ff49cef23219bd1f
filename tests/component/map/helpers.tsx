import { vi } from 'vitest'
import type { Api } from '@shared/ipc'
import type { Deal, Seller } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../../renderer/state/workspace-store'
import { NO_FILTERS, useUiStore } from '../../../renderer/state/ui-store'

/** A window.api that opens `deal` and whose saves succeed and are recorded. */
export function installApi(deal?: Deal): { saved: Deal[] } {
  const saved: Deal[] = []
  const api = {
    openDeal: vi.fn(async () => ({ ok: true as const, value: { deal: deal!, notices: [] } })),
    saveDeal: vi.fn(async (deal: Deal) => {
      saved.push(deal)
      return { ok: true as const, value: { savedAt: new Date().toISOString() } }
    }),
    onMenuAction: () => () => undefined,
  }
  ;(window as unknown as { api: Partial<Api> }).api = api as unknown as Partial<Api>
  return { saved }
}

/** Open a deal through the real store (saves go to the stub api). */
export async function openDeal(deal: Deal, roster: Seller[] = []): Promise<{ saved: Deal[] }> {
  await useDealStore.getState().close()
  const disk = installApi(deal)
  useWorkspaceStore.setState({ roster, loaded: true })
  useUiStore.setState({ filters: NO_FILTERS, showDepartments: false, panelId: 'inspector' })
  await useDealStore.getState().open(deal.id)
  return disk
}
