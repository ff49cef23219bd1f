import { describe, expect, it } from 'vitest'
import { CHANNELS, COLLAB_EVENT_CHANNEL, MENU_ACTION_CHANNEL, type Channel, type CollabEvent, type MenuActionId } from '@shared/ipc'
import { buildApi } from '../../../electron/preload/build-api'
import { channelMethods, COLLAB_CHANNEL, MENU_CHANNEL } from '../../../electron/preload/channel-methods'

describe('preload api', () => {
  it('has exactly one named method per channel plus onMenuAction and onCollabEvent, and no generic invoke', () => {
    const api = buildApi(channelMethods(), async () => ({ ok: true, value: null }), () => () => undefined, () => () => undefined)
    const expected = [...Object.values(CHANNELS).map((c) => c.method), 'onMenuAction', 'onCollabEvent'].sort()
    expect(Object.keys(api).sort()).toEqual(expected)
    expect(api).not.toHaveProperty('invoke')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('its plain channel table matches the contract (the preload cannot load zod)', () => {
    expect(channelMethods()).toEqual(Object.fromEntries(Object.entries(CHANNELS).map(([ch, c]) => [ch, c.method])))
    expect(MENU_CHANNEL).toBe(MENU_ACTION_CHANNEL)
    expect(COLLAB_CHANNEL).toBe(COLLAB_EVENT_CHANNEL)
  })

  it('each method invokes its own channel with the arguments as given', async () => {
    const calls: unknown[][] = []
    const api = buildApi(channelMethods(), async (channel, ...args) => (calls.push([channel, ...args]), { ok: true, value: channel }), () => () => undefined, () => () => undefined)
    await api.openDeal('deal-1')
    await api.importDeal('{}', { asCopy: true })
    expect(calls).toEqual([['deal:open', 'deal-1'], ['deal:import', '{}', { asCopy: true }]])
    for (const [channel, { method }] of Object.entries(CHANNELS) as Array<[Channel, { method: string }]>) {
      const result = await (api as unknown as Record<string, () => Promise<{ value: unknown }>>)[method]()
      expect(result.value).toBe(channel)
    }
  })

  it('menu actions reach listeners until they unsubscribe', () => {
    const listeners = new Set<(a: MenuActionId) => void>()
    const api = buildApi(channelMethods(), async () => ({ ok: true, value: null }), (l) => (listeners.add(l), () => listeners.delete(l)), () => () => undefined)
    const got: string[] = []
    const off = api.onMenuAction((a) => got.push(a))
    listeners.forEach((l) => l('deal.new'))
    off()
    listeners.forEach((l) => l('deal.import'))
    expect(got).toEqual(['deal.new'])
  })

  it('collaboration pushes reach listeners until they unsubscribe, and a non-function listener is refused', () => {
    const listeners = new Set<(e: CollabEvent) => void>()
    const api = buildApi(channelMethods(), async () => ({ ok: true, value: null }), () => () => undefined, (l) => (listeners.add(l), () => listeners.delete(l)))
    const got: string[] = []
    const off = api.onCollabEvent((e) => got.push(e.kind))
    listeners.forEach((l) => l({ kind: 'ended', dealId: 'd1' }))
    off()
    listeners.forEach((l) => l({ kind: 'ended', dealId: 'd1' }))
    expect(got).toEqual(['ended'])
    expect(() => api.onCollabEvent('x' as never)).toThrow(TypeError)
  })
})
