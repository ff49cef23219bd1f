import { act, render } from '@testing-library/react'
import type { Api, CollabEvent, CollabState } from '@shared/ipc'
import type { Deal, Stakeholder } from '@shared/model'
import { useCollabSync } from '../../../renderer/collab/use-collab-sync'
import { openDeal } from '../map/helpers'

/** A push from main (numbered by `openSharedDeal`): the whole deal, or the people a colleague changed. */
export type MainPush = { kind: 'deal'; dealId: string; deal: Deal } | { kind: 'people'; dealId: string; people: Stakeholder[] }

function WithSync({ children }: { children: React.ReactNode }) {
  useCollabSync()
  return <>{children}</>
}

/**
 * `deal` open in the page as a shared deal: main's collaboration calls stood in (`extra` adds
 * or replaces some; commands sent to main never come back), `ui` rendered under the page's
 * sync hook, and main's first push (the whole deal) sent. Returns main's next push, numbered
 * in order as main numbers them (shared/ipc-collab.ts), each sent inside act().
 */
export async function openSharedDeal(deal: Deal, ui: React.ReactNode, extra: Partial<Record<keyof Api, unknown>> = {}): Promise<(event: MainPush) => Promise<void>> {
  await openDeal(deal)
  const state: CollabState = { dealId: deal.id, serverUrl: 'ws://127.0.0.1:1', documentName: `deal/${deal.id}`, role: 'editor', status: { kind: 'connected' }, presence: [], canUndo: false, canRedo: false }
  let listener: (event: CollabEvent) => void = () => undefined
  Object.assign(window.api as unknown as Record<string, unknown>, {
    collabState: async () => ({ ok: true as const, value: state }),
    applySharedCommands: () => new Promise<never>(() => undefined),
    setSharedSelection: async () => ({ ok: true as const, value: null }),
    onCollabEvent: (next: (event: CollabEvent) => void) => {
      listener = next
      return () => undefined
    },
    ...extra,
  } satisfies Partial<Record<keyof Api, unknown>>)
  render(<WithSync>{ui}</WithSync>)
  await act(async () => undefined)
  let seq = 1
  const push = (event: MainPush) => act(async () => listener({ ...event, seq: seq++ } as CollabEvent))
  await push({ kind: 'deal', dealId: deal.id, deal })
  return push
}
