import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { PeopleTable } from '../../renderer/people'
import { ImportDialogs } from '../../renderer/import/ImportDialogs'
import { useImportStore } from '../../renderer/import/import-store'
import { useGlobalShortcuts } from '../../renderer/app/use-shortcuts'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal, aSeller } from '../fixtures/builders'
import { currentDeal, openDealInStores } from './relationships-helpers'

function Shell() {
  useGlobalShortcuts()
  return (
    <>
      <PeopleTable />
      <ImportDialogs />
    </>
  )
}

function openTable() {
  const deal = aDeal('d')
    .withStakeholder('ceo', { name: 'Helen Marsh', title: 'CEO', department: 'Board' })
    .withStakeholder('cfo', { name: 'Ravi Patel', title: 'CFO', department: 'Finance' })
    .withStakeholder('it', { name: 'Dana Lee', title: 'Head of IT', department: 'IT' })
    .withLink('cfo', 'ceo')
    .withLink('it', 'cfo')
    .build()
  openDealInStores(deal, [aSeller('alice', { name: 'Alice Chen' })])
  useDealStore.setState({ history: { past: [], future: [], limit: 200 }, canUndo: false })
  useImportStore.getState().close()
  render(<Shell />)
  const grid = screen.getByTestId('people-grid')
  grid.focus()
  return grid
}

const key = (el: Element, k: string, extra: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(el, { key: k, ...extra })
const cell = (row: number, col: string) => screen.getAllByRole('row')[row + 1].querySelector(`[data-col="${col}"]`)!
const editor = () => screen.getByTestId('cell-editor') as HTMLInputElement & HTMLSelectElement
const person = (name: string) => currentDeal().stakeholders.find((s) => s.name === name)!
const paste = (el: Element, text: string) => fireEvent.paste(el, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } })
const undoSteps = () => useDealStore.getState().history.past.length

describe('the people table', () => {
  beforeEach(() => useImportStore.getState().close())

  it('moves the active cell with the arrows and Tab, and edits by typing: Enter commits and moves down, one undo step per cell', () => {
    const grid = openTable()
    expect(grid.getAttribute('aria-activedescendant')).toBe('people-cell-0-0')
    key(grid, 'ArrowRight') // Title of Helen
    key(grid, 'ArrowDown') // Title of Ravi
    expect(cell(1, 'title').getAttribute('aria-selected')).toBe('true')
    key(grid, 'V')
    expect(editor().value).toBe('V')
    fireEvent.change(editor(), { target: { value: 'VP Finance' } })
    key(editor(), 'Enter')
    expect(person('Ravi Patel').title).toBe('VP Finance')
    expect(cell(2, 'title').getAttribute('aria-selected')).toBe('true')
    expect(screen.queryByTestId('cell-editor')).toBeNull()
    expect(undoSteps()).toBe(1)

    // F2 keeps the text; Esc throws the edit away.
    key(grid, 'F2')
    expect(editor().value).toBe('Head of IT')
    fireEvent.change(editor(), { target: { value: 'Nobody' } })
    key(editor(), 'Escape')
    expect(person('Dana Lee').title).toBe('Head of IT')
    expect(undoSteps()).toBe(1)

    // Tab commits and moves right; Shift+Tab moves left.
    key(grid, 'Enter')
    fireEvent.change(editor(), { target: { value: 'CIO' } })
    key(editor(), 'Tab')
    expect(person('Dana Lee').title).toBe('CIO')
    expect(cell(2, 'department').getAttribute('aria-selected')).toBe('true')
    key(grid, 'Tab', { shiftKey: true })
    expect(cell(2, 'title').getAttribute('aria-selected')).toBe('true')
    expect(undoSteps()).toBe(2)
    act(() => useDealStore.getState().undo())
    expect(person('Dana Lee').title).toBe('Head of IT')
  })

  it('edits a choice with a select, and typed letters never fire the map shortcuts', () => {
    const grid = openTable()
    const before = currentDeal().stakeholders.length
    // "n" would add a card and Delete would delete the person on the map: here they edit.
    key(grid, 'n')
    expect(editor().value).toBe('n')
    key(editor(), 'Escape')
    key(grid, 'ArrowRight')
    key(grid, 'Delete') // clears Helen's title, does not delete Helen
    expect(currentDeal().stakeholders.length).toBe(before)
    expect(person('Helen Marsh').title).toBe('')
    for (let i = 0; i < 3; i++) key(grid, 'ArrowRight') // Role
    key(grid, 'Enter')
    expect(editor().tagName).toBe('SELECT')
    fireEvent.change(editor(), { target: { value: 'decision-maker' } })
    key(editor(), 'Enter')
    expect(person('Helen Marsh').buyingRole).toBe('decision-maker')
    expect(cell(1, 'buyingRole').getAttribute('aria-selected')).toBe('true')
    // Owner: a seller from the roster.
    key(grid, 'ArrowUp')
    key(grid, 'End')
    key(grid, 'Enter')
    fireEvent.change(editor(), { target: { value: 'alice' } })
    key(editor(), 'Enter')
    expect(person('Helen Marsh').ownerIds).toEqual(['alice'])
    expect(cell(0, 'owner').textContent).toBe('Alice Chen')
  })

  it('picks a manager from the other people and refuses a loop with who closes it', () => {
    const grid = openTable()
    for (let i = 0; i < 3; i++) key(grid, 'ArrowRight') // Reports to, Helen's row
    expect(cell(0, 'reportsTo').getAttribute('aria-selected')).toBe('true')
    key(grid, 'Enter')
    const options = within(editor()).getAllByRole('option').map((o) => o.textContent)
    expect(options).not.toContain('Helen Marsh · CEO') // no self
    expect(options).toContain('Dana Lee · Head of IT')
    // Dana reports to Ravi, who reports to Helen: Helen cannot report to Dana.
    fireEvent.change(editor(), { target: { value: 'it' } })
    key(editor(), 'Enter')
    expect(screen.getByTestId('people-message').textContent).toBe(
      'Dana Lee already reports to Helen Marsh (directly or through others), so Helen Marsh cannot report to Dana Lee: that would make a loop.',
    )
    expect(screen.getByTestId('cell-editor')).toBeTruthy() // still open to choose again
    expect(currentDeal().links.filter((l) => l.from === 'ceo')).toEqual([])
    key(editor(), 'Escape')

    // Dana now reports to Helen directly: the old line is replaced, in one undo step.
    key(grid, 'ArrowDown')
    key(grid, 'ArrowDown')
    key(grid, 'Enter')
    fireEvent.change(editor(), { target: { value: 'ceo' } })
    key(editor(), 'Enter')
    expect(currentDeal().links.filter((l) => l.from === 'it').map((l) => l.to)).toEqual(['ceo'])
    expect(cell(2, 'reportsTo').textContent).toBe('Helen Marsh')
    expect(undoSteps()).toBe(1)
    act(() => useDealStore.getState().undo())
    expect(currentDeal().links.filter((l) => l.from === 'it').map((l) => l.to)).toEqual(['cfo'])
  })

  it('adds a person typed into the last row and readies the next empty row', () => {
    const grid = openTable()
    key(grid, 'End', { ctrlKey: true })
    key(grid, 'Home')
    expect(screen.getByTestId('people-new-row').querySelector('[data-col="name"]')!.getAttribute('aria-selected')).toBe('true')
    key(grid, 'J')
    fireEvent.change(editor(), { target: { value: 'Jo Müller' } })
    key(editor(), 'Enter')
    expect(currentDeal().stakeholders.map((s) => s.name)).toContain('Jo Müller')
    expect(screen.getByTestId('people-new-row').querySelector('[data-col="name"]')!.getAttribute('aria-selected')).toBe('true')
    expect(currentDeal().stakeholders).toHaveLength(4)
  })

  it('refuses an empty name with a message and keeps the editor open', () => {
    const grid = openTable()
    key(grid, 'Enter')
    fireEvent.change(editor(), { target: { value: '   ' } })
    key(editor(), 'Enter')
    expect(screen.getByTestId('people-message').textContent).toMatch(/A name is required/)
    expect(person('Helen Marsh')).toBeTruthy()
  })
})

/** Ten rows as Excel copies them: a header, CRLF line ends, a quoted cell with a line break and a tab. */
function tenRows(): string {
  const rows = Array.from({ length: 10 }, (_, i) => [`Person ${i + 1}`, i === 3 ? '"Head of\r\nCare\tQuality"' : `Title ${i + 1}`, 'Clinical', i ? 'Person 1' : ''])
  return ['Name\tTitle\tDepartment\tReports To', ...rows.map((r) => r.join('\t'))].join('\r\n') + '\r\n'
}

describe('pasting rows from a spreadsheet into the people table', () => {
  it('shows the CSV import preview for 10 tab-separated rows and adds all 10 people in one undo step', () => {
    const grid = openTable()
    paste(grid, tenRows())
    const dialog = screen.getByTestId('csv-import-dialog')
    expect(within(dialog).getByTestId('csv-summary').textContent).toBe('10 people and 9 reports-to lines will be added; 0 rows left out.')
    expect(within(dialog).getByText('Person 4')).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 10 people to the map' }))
    expect(currentDeal().stakeholders).toHaveLength(13)
    expect(person('Person 4').title).toBe('Head of Care Quality')
    expect(screen.getAllByTestId('people-row')).toHaveLength(13)
    expect(undoSteps()).toBe(1)
    act(() => useDealStore.getState().undo())
    expect(currentDeal().stakeholders).toHaveLength(3)
  })

  it('reads rows without a header in the table\'s column order', () => {
    const grid = openTable()
    paste(grid, 'Ana Ruiz\tCNO\tNursing\tHelen Marsh\nBo Li\tCMO\tMedicine\tHelen Marsh\n')
    const dialog = screen.getByTestId('csv-import-dialog')
    expect(within(dialog).getByTestId('paste-no-header')).toBeTruthy()
    expect(within(dialog).getByTestId('csv-summary').textContent).toBe('2 people and 2 reports-to lines will be added; 0 rows left out.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 2 people to the map' }))
    expect(person('Ana Ruiz')).toMatchObject({ title: 'CNO', department: 'Nursing' })
    expect(currentDeal().links.find((l) => l.from === person('Bo Li').id)?.to).toBe('ceo')
  })

  it('leaves out a formula row and removes control characters and right-to-left overrides, saying so', () => {
    const grid = openTable()
    paste(grid, 'Name\tTitle\n=HYPERLINK("http://evil.example","Click")\tCEO\nEve\u0007 Stone\tC\u202eOO\n\u200fSam Roe\tCTO\n')
    const dialog = screen.getByTestId('csv-import-dialog')
    expect(within(dialog).getByTestId('csv-bad-rows').textContent).toBe('Row 2: "=HYPERLINK("http://evil.example","Click…" looks like a spreadsheet formula, not a name or title; the row is left out')
    expect(within(dialog).getByTestId('csv-cleaned').textContent).toBe('Invisible characters (control characters or right-to-left marks) were removed from 2 rows.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add 2 people to the map' }))
    expect(person('Eve Stone').title).toBe('COO')
    expect(person('Sam Roe')).toBeTruthy()
    expect(currentDeal().stakeholders.some((s) => s.name.startsWith('='))).toBe(false)
  })

  it('refuses a 5 MB paste and a 10,000-row paste before parsing, pointing to the CSV import', () => {
    const grid = openTable()
    paste(grid, `Name\tTitle\n${'x'.repeat(5 * 1024 * 1024)}\tCEO\n`)
    expect(screen.getByTestId('people-message').textContent).toBe('The pasted text is 5 MB; a paste takes at most 1 MB. Save the rows as a CSV file and import it instead (Import contacts from CRM (CSV)…).')
    expect(screen.queryByTestId('csv-import-dialog')).toBeNull()
    paste(grid, ['Name', ...Array.from({ length: 10_000 }, (_, i) => `P${i}`)].join('\n'))
    expect(screen.getByTestId('people-message').textContent).toBe('The paste has 10,000 rows; a paste takes at most 2,000. Save them as a CSV file and import it instead (Import contacts from CRM (CSV)…).')
    expect(screen.queryByTestId('csv-import-dialog')).toBeNull()
    expect(currentDeal().stakeholders).toHaveLength(3)
  })

  it('pastes one value into the active cell as an edit', () => {
    const grid = openTable()
    key(grid, 'ArrowRight')
    paste(grid, 'Chief Executive\r\n')
    expect(person('Helen Marsh').title).toBe('Chief Executive')
    expect(screen.queryByTestId('csv-import-dialog')).toBeNull()
  })
})
