import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DealDetailsDialog } from '../../renderer/deal-details'
import { runAction } from '../../renderer/app/actions'
import { useDealDetailsStore } from '../../renderer/deal-details/deal-details-store'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal } from '../fixtures/builders'
import { currentDeal, openDealInStores } from './relationships-helpers'

function openForm() {
  openDealInStores(aDeal('d').build(), [])
  useDealStore.setState({ history: { past: [], future: [], limit: 200 }, canUndo: false })
  useDealDetailsStore.getState().setOpen(false)
  render(<DealDetailsDialog />)
  act(() => { runAction('deal.details') }) // the palette and the Deal menu run this action
  return screen.getByTestId('deal-details')
}

describe('the deal details form', () => {
  it('saves every changed fact as one undo step', () => {
    const form = openForm()
    const before = currentDeal()
    fireEvent.change(within(form).getByTestId('facts-customer'), { target: { value: 'St. Mary Group' } })
    fireEvent.change(within(form).getByTestId('facts-stage'), { target: { value: 'negotiate' } })
    fireEvent.change(within(form).getByTestId('facts-amount'), { target: { value: '1,250,000' } })
    fireEvent.change(within(form).getByTestId('facts-currency'), { target: { value: 'CNY' } })
    fireEvent.change(within(form).getByTestId('facts-close-date'), { target: { value: '2027-03-31' } })
    const chip = within(form).getByTestId('facts-competitor-input')
    fireEvent.change(chip, { target: { value: 'SAP' } })
    fireEvent.keyDown(chip, { key: 'Enter' })
    fireEvent.change(chip, { target: { value: 'sap' } })
    fireEvent.keyDown(chip, { key: 'Enter' }) // the same name twice is one chip
    fireEvent.change(chip, { target: { value: 'Oracle' } })
    fireEvent.keyDown(chip, { key: ',' })
    expect(within(form).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['SAP×', 'Oracle×'])
    fireEvent.click(within(form).getByTestId('deal-details-save'))
    expect(currentDeal()).toMatchObject({ customer: 'St. Mary Group', stage: 'negotiate', amount: { value: 1_250_000, currency: 'CNY' }, closeDate: '2027-03-31', competitors: ['SAP', 'Oracle'] })
    expect(screen.queryByTestId('deal-details')).toBeNull()
    expect(useDealStore.getState().history.past).toHaveLength(1)
    act(() => useDealStore.getState().undo())
    expect(currentDeal()).toBe(before)
  })

  // The new-deal form took "4,200,000": reopening the details must show it the same way, not
  // as "4200000" with its digits to count. Saving it unchanged keeps the amount.
  it('shows a saved amount with thousands separators, and saving it unchanged keeps it', () => {
    openDealInStores(aDeal('d').build(), [])
    const deal = currentDeal()!
    useDealStore.setState({ deal: { ...deal, amount: { value: 4_250_000.5, currency: 'EUR' } } })
    useDealDetailsStore.getState().setOpen(false)
    render(<DealDetailsDialog />)
    act(() => { runAction('deal.details') })
    const form = screen.getByTestId('deal-details')
    expect((within(form).getByTestId('facts-amount') as HTMLInputElement).value).toBe('4,250,000.5')
    fireEvent.click(within(form).getByTestId('deal-details-save'))
    expect(currentDeal()!.amount).toEqual({ value: 4_250_000.5, currency: 'EUR' })
  })

  it('says what is wrong under each field and saves nothing until it is fixed', () => {
    const form = openForm()
    const before = currentDeal()
    fireEvent.change(within(form).getByTestId('facts-name'), { target: { value: '  ' } })
    fireEvent.change(within(form).getByTestId('facts-amount'), { target: { value: '-20' } })
    fireEvent.change(within(form).getByTestId('facts-customer'), { target: { value: 'x'.repeat(201) } })
    fireEvent.click(within(form).getByTestId('deal-details-save'))
    expect(within(form).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'A name is required.', 'At most 200 characters.', 'The amount cannot be negative.',
    ])
    expect(within(form).getByTestId('facts-amount').getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(within(form).getByTestId('facts-amount'), { target: { value: '12 abc' } })
    expect(within(form).getByText('Type the amount as a number, such as 1250000.')).toBeTruthy()
    expect(currentDeal()).toBe(before)
  })

  it('closes without an undo step when nothing changed, and Cancel throws edits away', () => {
    let form = openForm()
    fireEvent.click(within(form).getByTestId('deal-details-save'))
    expect(useDealStore.getState().history.past).toHaveLength(0)
    act(() => { runAction('deal.details') })
    form = screen.getByTestId('deal-details')
    fireEvent.change(within(form).getByTestId('facts-customer'), { target: { value: 'Other' } })
    fireEvent.click(within(form).getByTestId('deal-details-cancel'))
    expect(currentDeal().customer).not.toBe('Other')
  })
})
