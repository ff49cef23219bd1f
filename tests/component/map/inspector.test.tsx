import { beforeEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Inspector } from '../../../renderer/map/inspector/Inspector'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal, aSeller } from '../../fixtures/builders'
import { openDeal } from './helpers'

const deal = aDeal('d')
  .withStakeholder('li', { name: 'Li Wei', title: 'CIO', department: 'IT' })
  .withStakeholder('tom', { name: 'Tom Berg', department: 'IT' })
  .withLink('tom', 'li')
  .build()
const roster = [aSeller('alice', { name: 'Alice Wong' })]
const li = () => useDealStore.getState().deal!.stakeholders.find((s) => s.id === 'li')!

function type(label: string, text: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement
  act(() => input.focus())
  // Typing character by character, as a user would.
  let value = ''
  for (const ch of text) {
    value += ch
    fireEvent.change(input, { target: { value } })
  }
  return input
}

describe('inspector', () => {
  let disk: { saved: Array<typeof deal> }
  beforeEach(async () => {
    disk = await openDeal(deal, roster)
  })

  it('asks to select something when nothing is selected', () => {
    render(<Inspector />)
    expect(screen.getByTestId('inspector-empty')).toBeTruthy()
  })

  it('edits every kind of field and the deal changes at once', () => {
    act(() => useDealStore.getState().select(['li']))
    render(<Inspector />)
    const title = screen.getByLabelText('Title') as HTMLInputElement
    fireEvent.change(title, { target: { value: 'Chief Information Officer' } })
    fireEvent.change(screen.getByLabelText('Buying role'), { target: { value: 'approver' } })
    fireEvent.change(screen.getByLabelText('Stance'), { target: { value: 'skeptic' } })
    fireEvent.change(screen.getByLabelText('Influence'), { target: { value: 'high' } })
    fireEvent.click(screen.getByLabelText('Inner circle'))
    fireEvent.change(screen.getByLabelText('Favoured competitor'), { target: { value: 'NorthBridge' } })
    fireEvent.change(screen.getByLabelText('Current mode'), { target: { value: 'trouble' } })
    fireEvent.click(screen.getByLabelText('Alice Wong'))
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Met at the summit' } })
    expect(li()).toMatchObject({
      title: 'Chief Information Officer', buyingRole: 'approver', stance: 'skeptic', influence: 'high', innerCircle: true,
      favoredCompetitor: 'NorthBridge', mode: 'trouble', ownerIds: ['alice'], notes: 'Met at the summit',
    })
    expect(useDealStore.getState().saveStatus).toBe('saving')
  })

  it('sends the edit to main within a second and then says saved', async () => {
    act(() => useDealStore.getState().select(['li']))
    render(<Inspector />)
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'CTO' } })
    await waitFor(() => expect(useDealStore.getState().saveStatus).toBe('saved'), { timeout: 1000 })
    expect(disk.saved.at(-1)!.stakeholders.find((s) => s.id === 'li')!.title).toBe('CTO')
  })

  it('refuses an empty name with a message at the field and keeps the old name', () => {
    act(() => useDealStore.getState().select(['li']))
    render(<Inspector />)
    const name = screen.getByLabelText('Name') as HTMLInputElement
    act(() => name.focus())
    fireEvent.change(name, { target: { value: '   ' } })
    expect(screen.getByRole('alert').textContent).toBe('A name is required')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(li().name).toBe('Li Wei')
    fireEvent.change(name, { target: { value: 'Li Wei Jr' } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(li().name).toBe('Li Wei Jr')
  })

  it('typing in a field is one undo step, and undo shows the old value in the field', () => {
    act(() => useDealStore.getState().select(['li']))
    render(<Inspector />)
    const input = type('Department', 'Technology')
    expect(li().department).toBe('Technology')
    act(() => input.blur())
    act(() => useDealStore.getState().undo())
    expect(li().department).toBe('IT')
    expect((screen.getByLabelText('Department') as HTMLInputElement).value).toBe('IT')
    act(() => useDealStore.getState().redo())
    expect(li().department).toBe('Technology')
  })

  it('lists the lines of the person and changes a line kind', () => {
    act(() => useDealStore.getState().select(['li']))
    render(<Inspector />)
    expect(screen.getByTestId('line-row').textContent).toContain('Tom Berg reports to Li Wei')
    fireEvent.change(screen.getByTestId('line-kind'), { target: { value: 'ally' } })
    expect(useDealStore.getState().deal!.links[0].kind).toBe('ally')
    fireEvent.click(screen.getByRole('button', { name: 'Remove line' }))
    expect(useDealStore.getState().deal!.links).toHaveLength(0)
  })
})
