import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/ipc'
import type { Deal } from '@shared/model'
import { runDeckJob, type DeckJobMessage, type DeckJobRequest } from '../../renderer/export/deck-job'
import { ExportOverlay } from '../../renderer/export/ExportOverlay'
import { useExportStore } from '../../renderer/export/export-store'
import { aDeal, aSeller } from '../fixtures/builders'
import { openDealInStores, TODAY } from './relationships-helpers'

// The real deck builder is exercised in tests/unit/deck; here we see what the dialog asks of it.
const buildDeck = vi.hoisted(() => vi.fn(async (): Promise<{ bytes: Uint8Array; skipped: unknown[] }> => ({ bytes: new Uint8Array([0x50, 0x4b, 3, 4]), skipped: [] })))
vi.mock('@shared/deck', async (original) => ({ ...(await original<typeof import('@shared/deck')>()), buildDeckWithReport: buildDeck }))

const anna = aSeller('anna', { name: 'Anna Berg', kinds: ['account'], level: 'senior' })

function theDeal(): Deal {
  return aDeal()
    .named('Atlas / Phase 2', 'Nordwind AG')
    .seat(anna, 'account', { lead: true })
    .withStakeholder('cfo', { name: 'Bruno Keller', buyingRole: 'approver', influence: 'high', stance: 'supporter' })
    .build()
}

interface FakeApi {
  listSnapshots: ReturnType<typeof vi.fn>
  getSnapshot: ReturnType<typeof vi.fn>
  saveFile: ReturnType<typeof vi.fn>
}

function installApi(overrides: Partial<FakeApi> = {}): FakeApi {
  const api: FakeApi = {
    listSnapshots: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: [] })),
    getSnapshot: vi.fn(),
    saveFile: vi.fn(async ({ suggestedName }: { suggestedName: string }): Promise<Result<unknown>> => ({ ok: true, value: { path: `/home/anna/Decks/${suggestedName}` } })),
    ...overrides,
  }
  ;(window as unknown as { api: unknown }).api = api
  return api
}

function openDialog(deal: Deal = theDeal()) {
  openDealInStores(deal, [anna])
  useExportStore.setState({ dialogOpen: true, notice: null })
  return render(<ExportOverlay />)
}

const slidesAsked = () => (buildDeck.mock.calls.at(-1) as unknown as [{ slides: string[]; language: string; changes?: string[] }])[0]

describe('the export dialog', () => {
  beforeEach(() => buildDeck.mockClear())
  afterEach(() => useExportStore.setState({ dialogOpen: false }))

  it('suggests "<deal> – war room <date>.pptx" (a name every OS accepts) and the UI language', () => {
    installApi()
    openDialog()
    expect((screen.getByTestId('export-file-name') as HTMLInputElement).value).toBe(`Atlas Phase 2 – war room ${TODAY}.pptx`)
    expect((screen.getByTestId('export-language') as HTMLSelectElement).value).toBe('en')
    expect(screen.queryByTestId('export-slide-changes')).toBeNull()
  })

  it('builds the deck with only the ticked slides and shows where it was saved', async () => {
    const api = installApi()
    openDialog()
    fireEvent.click(screen.getByTestId('export-slide-team'))
    fireEvent.click(screen.getByTestId('export-slide-relationships'))
    fireEvent.change(screen.getByTestId('export-language'), { target: { value: 'zh-CN' } })
    fireEvent.change(screen.getByTestId('export-file-name'), { target: { value: 'For the board' } })
    fireEvent.click(screen.getByTestId('export-run'))

    await waitFor(() => expect(screen.getByTestId('export-saved').textContent).toBe('Saved to /home/anna/Decks/For the board.pptx'))
    expect(slidesAsked().slides).toEqual(['title', 'map', 'actions'])
    expect(slidesAsked().language).toBe('zh-CN')
    expect(api.saveFile).toHaveBeenCalledWith({ suggestedName: 'For the board.pptx', kind: 'pptx', data: new Uint8Array([0x50, 0x4b, 3, 4]) })
  })

  it('offers "changes since last review" when a snapshot exists and fills it from the comparison', async () => {
    const deal = theDeal()
    const before: Deal = { ...deal, stage: 'qualify', stakeholders: [] }
    const snapshot = { id: 's1', name: 'Weekly review', createdAt: '2026-03-05T09:00:00.000Z' }
    installApi({
      listSnapshots: vi.fn(async () => ({ ok: true, value: [snapshot] })),
      getSnapshot: vi.fn(async () => ({ ok: true, value: { info: snapshot, deal: before } })),
    })
    openDialog({ ...deal, stage: 'propose' })
    const box = await screen.findByTestId('export-slide-changes')
    expect(box.closest('label')?.textContent).toContain('(since “Weekly review”)')
    fireEvent.click(screen.getByTestId('export-run'))

    await screen.findByTestId('export-saved')
    expect(slidesAsked().slides).toEqual(['title', 'changes', 'map', 'team', 'relationships', 'actions'])
    expect(slidesAsked().changes).toEqual(expect.arrayContaining(['Stage moved from Qualify to Propose.', 'Bruno Keller was added to the map.']))
  })

  it('keeps the dialog open with a clear message when the file cannot be written', async () => {
    installApi({ saveFile: vi.fn(async () => ({ ok: false, error: { code: 'io', message: 'The disk is full.' } })) })
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))

    const error = await screen.findByRole('alert')
    expect(error.textContent).toBe('The file could not be written: The disk is full. Choose another folder or name and try again.')
    expect(screen.getByTestId('export-dialog')).toBeTruthy()
    expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(false)
    expect(useExportStore.getState().dialogOpen).toBe(true)
  })

  it('says nothing when the save dialog is cancelled', async () => {
    const api = installApi({ saveFile: vi.fn(async () => ({ ok: false, error: { code: 'cancelled', message: 'Saving was cancelled.' } })) })
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))
    await waitFor(() => expect(api.saveFile).toHaveBeenCalled())
    await waitFor(() => expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(false))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByTestId('export-saved')).toBeNull()
  })

  it('cannot export with every slide unticked', () => {
    installApi()
    openDialog()
    for (const id of ['title', 'map', 'team', 'relationships', 'actions']) fireEvent.click(screen.getByTestId(`export-slide-${id}`))
    expect((screen.getByTestId('export-run') as HTMLButtonElement).disabled).toBe(true)
  })
})

/**
 * Stands in for the browser's Worker: runs the real job protocol (runDeckJob, with the mocked
 * buildDeck) on a cloned request, answers asynchronously like a thread would, and records what
 * was transferred. `failToLoad` plays a worker whose script cannot be loaded.
 */
class FakeDeckWorker {
  static created: FakeDeckWorker[] = []
  static failToLoad = false
  onmessage: ((event: { data: DeckJobMessage }) => void) | null = null
  onerror: ((event: Event & { message: string }) => void) | null = null
  onmessageerror: (() => void) | null = null
  transferred: Transferable[][] = []
  terminated = false
  constructor(readonly url: URL, readonly options: WorkerOptions) {
    FakeDeckWorker.created.push(this)
  }
  postMessage(request: DeckJobRequest): void {
    if (FakeDeckWorker.failToLoad) {
      setTimeout(() => this.onerror?.(Object.assign(new Event('error', { cancelable: true }), { message: 'Failed to load the worker script' })))
      return
    }
    const cloned = structuredClone(request) // what crosses into a real worker must be cloneable
    setTimeout(() => void runDeckJob(cloned, (message, transfer = []) => {
      this.transferred.push(transfer)
      setTimeout(() => this.onmessage?.({ data: message }))
    }))
  }
  terminate(): void {
    this.terminated = true
  }
}

describe('where the deck is built', () => {
  const buildMode = () => screen.getByTestId('export-dialog').querySelector('form')!.getAttribute('data-build-mode')
  beforeEach(() => {
    buildDeck.mockClear()
    FakeDeckWorker.created = []
    FakeDeckWorker.failToLoad = false
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    useExportStore.setState({ dialogOpen: false })
  })

  it('falls back to the main thread where there is no Worker (as in jsdom) and still saves the deck', async () => {
    vi.stubGlobal('Worker', undefined)
    const api = installApi()
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))

    await screen.findByTestId('export-saved')
    expect(buildMode()).toBe('main-thread')
    expect(buildDeck).toHaveBeenCalledTimes(1)
    expect(api.saveFile).toHaveBeenCalledWith(expect.objectContaining({ data: new Uint8Array([0x50, 0x4b, 3, 4]) }))
  })

  it('builds in the worker, shows its stages, and takes the deck back as a transferred buffer', async () => {
    vi.stubGlobal('Worker', FakeDeckWorker)
    let release!: () => void
    const gate = new Promise<void>((resolve) => { release = resolve })
    buildDeck.mockImplementationOnce((async (_input: unknown, progress?: { onPacking?(): void }) => {
      progress?.onPacking?.()
      await gate
      return { bytes: new Uint8Array([0x50, 0x4b, 5, 6]), skipped: [] }
    }) as never)
    const api = installApi()
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))

    await waitFor(() => expect(screen.getByTestId('export-progress').textContent).toBe('Packing the deck…'))
    release()
    await screen.findByTestId('export-saved')
    expect(buildMode()).toBe('worker')
    const [worker] = FakeDeckWorker.created
    expect(FakeDeckWorker.created).toHaveLength(1)
    expect(worker.options).toEqual(expect.objectContaining({ type: 'module' }))
    expect(worker.url.pathname.endsWith('/deck.worker.ts')).toBe(true)
    expect(worker.terminated).toBe(true)
    const saved = api.saveFile.mock.calls[0][0] as { data: Uint8Array }
    expect(saved.data).toEqual(new Uint8Array([0x50, 0x4b, 5, 6]))
    // The bytes' own buffer was handed over, not a copy.
    expect(worker.transferred.flat()).toContain(saved.data.buffer)
  })

  it('builds on the main thread when the worker script cannot be loaded', async () => {
    vi.stubGlobal('Worker', FakeDeckWorker)
    FakeDeckWorker.failToLoad = true
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    installApi()
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))

    await screen.findByTestId('export-saved')
    expect(buildMode()).toBe('main-thread')
    expect(FakeDeckWorker.created[0].terminated).toBe(true)
    expect(buildDeck).toHaveBeenCalledTimes(1)
  })

  it('reports a build that fails inside the worker instead of building again', async () => {
    vi.stubGlobal('Worker', FakeDeckWorker)
    buildDeck.mockImplementationOnce(async () => { throw new Error('Too many shapes.') })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const api = installApi()
    openDialog()
    fireEvent.click(screen.getByTestId('export-run'))

    expect((await screen.findByRole('alert')).textContent).toBe('The export failed: Too many shapes.')
    expect(buildDeck).toHaveBeenCalledTimes(1)
    expect(api.saveFile).not.toHaveBeenCalled()
  })

  it('tells the user which slides were left out and why, in the app\'s language even for a Chinese deck', async () => {
    const real = await vi.importActual<typeof import('@shared/deck')>('@shared/deck')
    buildDeck.mockImplementationOnce(real.buildDeckWithReport as never)
    installApi()
    openDialog() // one stakeholder, no next actions
    fireEvent.change(screen.getByTestId('export-language'), { target: { value: 'zh-CN' } })
    fireEvent.click(screen.getByTestId('export-run'))
    const skipped = await screen.findByTestId('export-skipped')
    expect(skipped.textContent).toContain('Left out of the deck:')
    expect(skipped.textContent).toContain('Stakeholder map: Only Bruno Keller is on the map: the title slide covers one person.')
  })
})
