import { act, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Stakeholder } from '@shared/model'
import type { DealCommand } from '@shared/commands/types'
import { useDealStore } from '../../../renderer/state/deal-store'
import { generateDeal } from '../../fixtures/generate-large-deal'
import { openDeal } from './helpers'
import { flowProbe, ProbedMap } from './probed-map'

/** How often a card has drawn, by person: counted where each card reads its person. */
const cardDraws = new Map<string, number>()
vi.mock('../../../renderer/map/map-deal', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../renderer/map/map-deal')>()
  return {
    ...real,
    useCardPerson: (carried: Stakeholder) => {
      cardDraws.set(carried.id, (cardDraws.get(carried.id) ?? 0) + 1)
      return real.useCardPerson(carried)
    },
  }
})

const { nodeLists } = flowProbe

/** A 2D context that records the text the canvas layer draws (names over the top ranks) and its boxes. */
function recordingContexts(): { texts: string[]; rects: () => number } {
  const texts: string[] = []
  let rects = 0
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key in target) return target[key]
      if (key === 'measureText') return () => ({ width: 10 })
      return (...args: unknown[]) => {
        if (key === 'fillText') texts.push(String(args[0]))
        if (key === 'rect' && args.length === 4) rects++
      }
    },
    set(target, key, value) {
      target[key] = value
      return true
    },
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    ;(ctx as Record<string, unknown>).canvas = this
    return ctx as never
  })
  return { texts, rects: () => rects }
}

const frames = () => act(() => new Promise((r) => setTimeout(r, 120)))
const now = () => useDealStore.getState().deal!
const setField = (id: string, field: 'name' | 'title' | 'stance', value: string) =>
  act(() => void useDealStore.getState().dispatch({ type: 'set-field', stakeholderId: id, field, value } as DealCommand))

function mount() {
  return render(<ProbedMap width={1200} />)
}

beforeEach(() => {
  cardDraws.clear()
  nodeLists.length = 0
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => ({ x: 0, y: 0, left: 0, top: 0, right: 1200, bottom: 800, width: 1200, height: 800, toJSON: () => ({}) }) as DOMRect)
})
afterEach(async () => {
  vi.restoreAllMocks()
  await act(() => useDealStore.getState().close())
})

describe('the far-out canvas of a large map after an edit of one person', () => {
  const file = generateDeal({ stakeholders: 400, links: 399, seed: 7 })
  const top = file.deal.stakeholders.find((s) => !file.deal.links.some((l) => l.kind === 'reports-to' && l.from === s.id))!

  it('paints a new name, and nothing for a title', async () => {
    await openDeal(file.deal, file.roster)
    const canvas = recordingContexts()
    const { container } = mount()
    await frames()
    const layer = () => container.querySelector<HTMLCanvasElement>('[data-testid="map-canvas-layer"]')!
    expect(layer().dataset.drawnCards).toBe('400')
    expect(canvas.texts).toContain(top.name)

    const painted = canvas.rects()
    const lists = nodeLists.length
    setField(top.id, 'title', 'Chief Everything Officer')
    await frames()
    expect(nodeLists.length).toBe(lists)
    expect(canvas.rects()).toBe(painted)

    canvas.texts.length = 0
    setField(top.id, 'name', 'Renamed Chief')
    await frames()
    expect(canvas.texts).toContain('Renamed Chief')
    expect(canvas.texts).not.toContain(top.name)
  })
})

describe('a map of 1,000 people after an edit of one', () => {
  const file = generateDeal({ stakeholders: 1000, links: 1200, seed: 3 })

  it('redraws that one card, and gives React Flow no new node list for a title, a new one for a stance', async () => {
    await openDeal(file.deal, file.roster)
    mount()
    await frames()
    // Close in, so cards are DOM cards (React Flow draws only those in view).
    const target = now().stakeholders[500]
    act(() => flowProbe.store!.setState({ transform: [-target.position.x + 100, -target.position.y + 100, 1] }))
    await frames()
    expect(document.querySelector(`[data-testid="stakeholder-card"][data-stakeholder-id="${target.id}"]`)).toBeTruthy()
    const shown = document.querySelectorAll('[data-testid="stakeholder-card"]').length
    expect(shown).toBeGreaterThan(1)

    cardDraws.clear()
    const lists = nodeLists.length
    setField(target.id, 'title', 'Head of Everything')
    await frames()
    expect(document.querySelector(`[data-stakeholder-id="${target.id}"] .card-title`)?.textContent).toBe('Head of Everything')
    expect(nodeLists.length).toBe(lists)
    expect([...cardDraws.keys()]).toEqual([target.id])

    cardDraws.clear()
    setField(target.id, 'stance', target.stance === 'champion' ? 'blocker' : 'champion')
    await frames()
    expect(nodeLists.length).toBe(lists + 1)
    expect([...cardDraws.keys()]).toEqual([target.id])
  })
})
