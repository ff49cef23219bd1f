import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { cardSize } from '@shared/card-size'
import { useDealStore } from '../../renderer/state/deal-store'
import { afterEach, describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { CsvImportDialog } from '../../renderer/import/CsvImportDialog'
import { openDroppedFile } from '../../renderer/import/deal-sharing'
import { ImportDialogs } from '../../renderer/import/ImportDialogs'
import { useImportStore } from '../../renderer/import/import-store'
import { runCsvPlanJob, type CsvPlanMessage, type CsvPlanRequest } from '../../renderer/import/csv-plan-job'
import { aDeal } from '../fixtures/builders'
import { openDealInStores } from './relationships-helpers'

/** `n` people in one reports-to chain. */
const chainCsv = (n: number) => ['Full Name,Reports To', ...Array.from({ length: n }, (_, i) => `P${i},${i ? `P${i - 1}` : ''}`)].join('\n')

/**
 * A stand-in for the plan worker: runs the real job when the test says so (`run()`), and
 * hands each message over a task later, as a worker would, so the page can paint in between.
 * Holding the job until the test has seen the first state keeps the test independent of how
 * fast the machine plans 3,000 rows.
 */
class FakePlanWorker {
  static made: FakePlanWorker[] = []
  onmessage: ((event: MessageEvent<CsvPlanMessage>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: (() => void) | null = null
  requests: CsvPlanRequest[] = []
  terminated = false
  constructor(readonly url: URL, readonly options: WorkerOptions) {
    FakePlanWorker.made.push(this)
  }
  postMessage(request: CsvPlanRequest): void {
    this.requests.push(request)
  }
  run(): void {
    const messages: CsvPlanMessage[] = []
    runCsvPlanJob(structuredClone(this.requests[0]), (m) => void messages.push(m))
    messages.forEach((m, i) => setTimeout(() => { if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<CsvPlanMessage>) }, 5 * (i + 1)))
  }
  terminate(): void {
    this.terminated = true
  }
}

function openCsv(text: string) {
  openDealInStores(aDeal('d').build(), [])
  render(<CsvImportDialog fileName="contacts.csv" text={text} />)
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
}

describe('the CSV import dialog with a big file', () => {
  afterEach(() => {
    delete (globalThis as { Worker?: unknown }).Worker
    FakePlanWorker.made = []
  })

  it('plans more than 2,000 rows in a worker and shows how far it got', async () => {
    ;(globalThis as { Worker?: unknown }).Worker = FakePlanWorker
    openCsv(chainCsv(3_000))
    expect(await screen.findByTestId('csv-planning')).toHaveProperty('textContent', expect.stringMatching(/Checking rows/))
    expect(FakePlanWorker.made).toHaveLength(1)
    expect(FakePlanWorker.made[0].requests[0].rows).toHaveLength(3_000)
    act(() => FakePlanWorker.made[0].run())
    await waitFor(() => expect(screen.getByTestId('csv-planning').textContent).toMatch(/1,000 of 3,000/))
    await waitFor(() => expect(screen.getByTestId('csv-summary').textContent).toBe('3000 people and 2999 reports-to lines will be added; 0 rows left out.'))
    expect(screen.queryByTestId('csv-planning')).toBeNull()
    expect(FakePlanWorker.made[0].terminated).toBe(true)
  })

  it('falls back to the main thread when there is no worker, progress shown first', async () => {
    openCsv(chainCsv(3_000))
    expect(screen.getByTestId('csv-planning').textContent).toMatch(/Checking rows/)
    await waitFor(() => expect(screen.getByTestId('csv-summary').textContent).toMatch(/^3000 people/))
  })

  it('lists at most 50 left-out rows and says how many more', async () => {
    const text = ['Full Name,Title', ...Array.from({ length: 2_500 }, (_, i) => `,T${i}`), 'Ann Lee,CFO'].join('\n')
    openCsv(text)
    await waitFor(() => expect(screen.getByTestId('csv-summary').textContent).toMatch(/^1 people/))
    expect(screen.getByTestId('csv-bad-rows').querySelectorAll('li')).toHaveLength(51)
    expect(screen.getByTestId('csv-bad-rows').textContent).toMatch(/and 2,450 more rows/)
  })
})

describe('dropping a CSV file on the window', () => {
  afterEach(() => useImportStore.getState().close())

  it('decodes an Excel "Unicode Text" export (UTF-16 LE, tabs) before the dialog opens', async () => {
    openDealInStores(aDeal('d').build(), [])
    const bytes = iconv.encode('Full Name\tTitle\r\n张伟\tCFO\r\nWang Fang\tCIO\r\n', 'utf-16le', { addBOM: true })
    await openDroppedFile(new File([new Uint8Array(bytes)], 'contacts.csv'))
    const dialog = useImportStore.getState().dialog
    expect(dialog).toMatchObject({ kind: 'csv', fileName: 'contacts.csv' })
    expect(dialog?.kind === 'csv' && dialog.text).toContain('张伟\tCFO')
    expect(dialog?.kind === 'csv' && dialog.text).not.toContain('\u0000')
  })

  it('refuses a binary file, saying why in the user\'s language', async () => {
    openDealInStores(aDeal('d').build(), [])
    await openDroppedFile(new File([new Uint8Array(4096).map((_, i) => (i * 37) & 0xff)], 'photo.csv'))
    render(<ImportDialogs />)
    expect(screen.getByRole('alert').textContent).toMatch(/not a CSV text file/)
  })
})

describe('people added from a sheet', () => {
  it('land under their managers, as the org chart draws them, and leave with one undo', async () => {
    // Ana heads a chart; Bob's branch sits far below, so "under the whole chart" is far from Ana.
    openDealInStores(aDeal('d')
      .withStakeholder('ana', { name: 'Ana Ceo', position: { x: 0, y: 0 } })
      .withStakeholder('bob', { name: 'Bob Deep', position: { x: 0, y: 900 } })
      .build(), [])
    render(<CsvImportDialog fileName="contacts.csv" text={'Full Name,Reports To\nFiona Dale,Ana Ceo\nLeif Nand,Ana Ceo\n'} />)
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }))
    fireEvent.click(await screen.findByRole('button', { name: /Add 2 people/ }))
    const people = () => useDealStore.getState().deal!.stakeholders
    const ana = people().find((s) => s.id === 'ana')!
    const anaSize = cardSize(ana.influence)
    for (const name of ['Fiona Dale', 'Leif Nand']) {
      const p = people().find((s) => s.name === name)!
      const size = cardSize(p.influence)
      // The row right under Ana, within a couple of cards sideways of her.
      expect(p.position.y).toBeGreaterThan(ana.position.y + anaSize.height)
      expect(p.position.y).toBeLessThan(ana.position.y + anaSize.height + 2 * size.height)
      expect(Math.abs(p.position.x + size.width / 2 - (ana.position.x + anaSize.width / 2))).toBeLessThan(2 * size.width)
    }
    const [fiona, leif] = ['Fiona Dale', 'Leif Nand'].map((n) => people().find((s) => s.name === n)!)
    expect(fiona.position.y).toBe(leif.position.y)
    act(() => useDealStore.getState().undo())
    expect(people().map((s) => s.name).sort()).toEqual(['Ana Ceo', 'Bob Deep'])
  })
})
