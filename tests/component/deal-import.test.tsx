import { readFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type Api, type Channel } from '@shared/ipc'
import { LIMITS, toDealFile } from '@shared/model'
import { createHandlers } from '../../electron/main/handlers'
import { invokeChannel } from '../../electron/main/ipc'
import { i18next } from '../../renderer/i18n'
import { FileDropZone } from '../../renderer/import/FileDropZone'
import { ImportDialogs } from '../../renderer/import/ImportDialogs'
import { previewDealText } from '../../renderer/import/deal-sharing'
import { useImportStore } from '../../renderer/import/import-store'
import { useDealStore } from '../../renderer/state/deal-store'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'

const folders: string[] = []
afterEach(async () => {
  await act(() => useDealStore.getState().close())
  useImportStore.getState().close()
  await act(() => i18next.changeLanguage('en'))
  while (folders.length) await rm(folders.pop()!, { recursive: true, force: true })
})

/** window.api bridged to the handlers main registers, over a real temp data folder (as the e2e bridge does). */
async function appOverRealFolder() {
  const dataDir = await mkdtemp(join(tmpdir(), 'war-room-import-'))
  folders.push(dataDir)
  const handlers = createHandlers({ dataDir, dialogs: { saveFile: async () => null, openFile: async () => null } })
  const api: Record<string, unknown> = { onMenuAction: () => () => undefined }
  for (const channel of Object.keys(CHANNELS) as Channel[]) {
    api[CHANNELS[channel].method] = (...args: unknown[]) => invokeChannel(handlers, channel, args)
  }
  ;(window as unknown as { api: Api }).api = api as unknown as Api
  await useWorkspaceStore.getState().load()
  return { dataDir, handlers }
}

describe('importing a deal file that replaces the open deal', () => {
  it('is one undo step: Undo brings back the deal as it was before the replace', async () => {
    const { handlers } = await appOverRealFolder()
    const [summary] = useWorkspaceStore.getState().deals
    await act(() => useDealStore.getState().open(summary.id))
    const before = useDealStore.getState().deal!
    const incoming = { ...before, name: 'Sent by a colleague', stakeholders: before.stakeholders.map((s, i) => (i === 0 ? { ...s, title: 'Changed title' } : s)) }
    const text = JSON.stringify(toDealFile(incoming, useWorkspaceStore.getState().roster))

    render(<ImportDialogs />)
    await act(() => previewDealText('colleague.warroom.json', text))
    fireEvent.click(screen.getByLabelText('Replace the existing deal'))
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(useDealStore.getState().deal?.name).toBe('Sent by a colleague'))
    expect(screen.queryByTestId('deal-import-dialog')).toBeNull()
    expect(useDealStore.getState().canUndo).toBe(true)

    act(() => useDealStore.getState().undo())
    expect(useDealStore.getState().deal?.name).toBe(before.name)
    expect(useDealStore.getState().deal?.stakeholders[0].title).toBe(before.stakeholders[0].title)
    // The undo is saved like any edit, and the replaced version also sits among the backups.
    await act(() => useDealStore.getState().flush())
    expect((await handlers['deal:open'](summary.id)).deal.name).toBe(before.name)
    expect((await handlers['deal:backups'](summary.id)).length).toBeGreaterThan(1)
  })

  it('replacing a deal that is not open opens it first, so Undo still goes back to the stored version', async () => {
    const { handlers } = await appOverRealFolder()
    const [summary] = useWorkspaceStore.getState().deals
    const stored = (await handlers['deal:open'](summary.id)).deal
    const text = JSON.stringify(toDealFile({ ...stored, name: 'Replaced while closed' }, useWorkspaceStore.getState().roster))

    render(<ImportDialogs />)
    await act(() => previewDealText('colleague.warroom.json', text))
    fireEvent.click(screen.getByLabelText('Replace the existing deal'))
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(useDealStore.getState().deal?.name).toBe('Replaced while closed'))
    act(() => useDealStore.getState().undo())
    expect(useDealStore.getState().deal?.name).toBe(stored.name)
  })
})

/** A File whose size says 60 MB without holding the bytes; reading it is a test failure. */
function hugeFile(name: string, size = 60 * 1024 * 1024) {
  const file = new File(['x'], name)
  Object.defineProperty(file, 'size', { value: size })
  const text = vi.fn(async () => 'x')
  const arrayBuffer = vi.fn(async () => new ArrayBuffer(1))
  Object.assign(file, { text, arrayBuffer })
  return { file, read: () => text.mock.calls.length + arrayBuffer.mock.calls.length }
}

function drop(file: File) {
  const event = new Event('drop', { bubbles: true, cancelable: true })
  Object.assign(event, { dataTransfer: { types: ['Files'], files: [file] } })
  act(() => void window.dispatchEvent(event))
}

function installSpyApi() {
  const api = { previewImport: vi.fn(), importDeal: vi.fn(), onMenuAction: () => () => undefined }
  ;(window as unknown as { api: unknown }).api = api
  return api
}

describe('a file dropped on the window', () => {
  it(`a 60 MB CSV is refused before it is read, with the ${LIMITS.fileBytes / 1024 / 1024} MB cap in the user's language`, async () => {
    const api = installSpyApi()
    useDealStore.setState({ deal: { id: 'd' } as never })
    render(<><FileDropZone /><ImportDialogs /></>)
    const { file, read } = hugeFile('contacts.csv')
    drop(file)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The file is larger than 50 MB, the most the app opens.'))
    expect(read()).toBe(0)
    expect(api.previewImport).not.toHaveBeenCalled()
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByRole('alert').textContent).toContain('50 MB')
    expect(screen.getByRole('alert').textContent).toMatch(/文件/)
    useDealStore.setState({ deal: null })
  })

  it('a 60 MB deal file, an empty file and a file of another kind are refused without reading them', async () => {
    const api = installSpyApi()
    render(<><FileDropZone /><ImportDialogs /></>)
    const big = hugeFile('deal.warroom.json')
    drop(big.file)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/larger than 50 MB/))
    const empty = hugeFile('deal.warroom.json', 0)
    drop(empty.file)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The file is empty.'))
    const pdf = hugeFile('proposal.pdf', 1000)
    drop(pdf.file)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Only deal files \(\.json\) and CSV files \(\.csv, \.tsv, or Excel "Unicode Text" \.txt\)/))
    expect(big.read() + empty.read() + pdf.read()).toBe(0)
    expect(api.previewImport).not.toHaveBeenCalled()
  })

  it('a small deal file is read and previewed by main', async () => {
    const { dataDir } = await appOverRealFolder()
    const [summary] = useWorkspaceStore.getState().deals
    const text = await readFile(join(dataDir, 'deals', `${summary.id}.json`), 'utf8')
    render(<><FileDropZone /><ImportDialogs /></>)
    drop(new File([text], 'deal.warroom.json'))
    await waitFor(() => expect(screen.getByTestId('import-deal-name').textContent).toBe(summary.name))
  })
})
