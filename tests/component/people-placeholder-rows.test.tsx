import { describe, expect, it } from 'vitest'
import { commandsForEdit } from '../../renderer/people/people-commands'
import { aDeal } from '../fixtures/builders'

/** A placeholder seat is a row with no name in the people table: walking through it is no edit. */
describe('placeholder seats in the people table', () => {
  const deal = () => {
    const d = aDeal('d').withStakeholder('coo', { title: 'COO', buyingRole: 'approver' }).withStakeholder('ann', { name: 'Ann Lee' }).build()
    d.stakeholders[0] = { ...d.stakeholders[0], name: '', placeholder: true }
    return d
  }

  it('Enter on an unnamed seat\'s empty name cell changes nothing and is not refused', () => {
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: '' })).toEqual([])
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: '   ' })).toEqual([])
  })

  it('a named person\'s name still cannot be emptied, and naming the seat is one set-field', () => {
    expect(commandsForEdit(deal(), 'ann', { field: 'name', value: ' ' })).toEqual({ code: 'empty-name' })
    expect(commandsForEdit(deal(), 'coo', { field: 'name', value: ' Omar Reyes ' })).toEqual([{ type: 'set-field', stakeholderId: 'coo', field: 'name', value: 'Omar Reyes' }])
  })
})

describe('unnamed seats as managers in the people table', () => {
  it('a person reporting to an unnamed seat shows the seat by its title, and the manager list tells two seats apart', async () => {
    const { render, screen, fireEvent } = await import('@testing-library/react')
    const { PeopleTable } = await import('../../renderer/people')
    const { openDealInStores } = await import('./relationships-helpers')
    const d = aDeal('d')
      .withStakeholder('coo', { title: 'COO' }).withStakeholder('cfo', { title: 'CFO' })
      .withStakeholder('ann', { name: 'Ann Lee' }).withLink('ann', 'coo').build()
    d.stakeholders = d.stakeholders.map((s) => (s.id === 'ann' ? s : { ...s, name: '', placeholder: true as const }))
    openDealInStores(d, [])
    render(<PeopleTable />)
    const annRow = screen.getAllByRole('row').find((r) => r.textContent?.includes('Ann Lee'))!
    const managerCell = annRow.querySelector('[data-col="reportsTo"]')!
    expect(managerCell.textContent).toBe('COO (Not yet identified)')
    const grid = screen.getByTestId('people-grid')
    grid.focus()
    const annIndex = screen.getAllByRole('row').indexOf(annRow) - 1
    for (let i = 0; i < annIndex; i++) fireEvent.keyDown(grid, { key: 'ArrowDown' })
    for (let i = 0; i < 3; i++) fireEvent.keyDown(grid, { key: 'ArrowRight' })
    expect(managerCell.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(grid, { key: 'Enter' })
    const options = Array.from((screen.getByTestId('cell-editor') as HTMLSelectElement).options).map((o) => o.textContent)
    expect(options).toContain('COO (Not yet identified)')
    expect(options).toContain('CFO (Not yet identified)')
  })
})

describe('unnamed seats in the relationships heatmap', () => {
  it('an unnamed seat with no relationship gets no blank row; the people around it keep theirs', async () => {
    const { heatmapRows } = await import('../../renderer/relationships/heatmap/heatmap-rows')
    const d = aDeal('d').withStakeholder('coo', { title: 'COO' }).withStakeholder('ann', { name: 'Ann Lee' }).build()
    d.stakeholders = d.stakeholders.map((s) => (s.id === 'coo' ? { ...s, name: '', placeholder: true as const } : s))
    const rows = heatmapRows(d, [], '2026-03-12', { high: 14, medium: 30, low: 60 })
    expect(rows.map((r) => r.name)).toEqual(['Ann Lee'])
  })
})
