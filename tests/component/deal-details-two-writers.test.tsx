import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DealDetailsDialog } from '../../renderer/deal-details'
import { runAction } from '../../renderer/app/actions'
import { useDealDetailsStore } from '../../renderer/deal-details/deal-details-store'
import { useDealStore } from '../../renderer/state/deal-store'
import { aDeal } from '../fixtures/builders'
import { currentDeal, openDealInStores } from './relationships-helpers'

/**
 * Two writers: the deal details form is open while another version of the deal lands
 * (a colleague's version taken with "Take theirs", a restore, an undo from the menu).
 * Saving the form must send what the user changed in the form, never put back the old
 * values of fields the user did not touch.
 */
describe('the deal details form while the deal changes under it', () => {
  it('saves only the fields the user changed; the other version\'s amount and stage stay', () => {
    openDealInStores({ ...aDeal('d').build(), amount: { value: 500_000, currency: 'USD' }, stage: 'qualify' }, [])
    useDealDetailsStore.getState().setOpen(false)
    render(<DealDetailsDialog />)
    act(() => { runAction('deal.details') })
    const form = screen.getByTestId('deal-details')
    fireEvent.change(within(form).getByTestId('facts-customer'), { target: { value: 'St. Mary Group' } })

    // Theirs lands while the form is open: a bigger amount, a later stage.
    const theirs = { ...currentDeal(), amount: { value: 900_000, currency: 'USD' }, stage: 'negotiate' as const }
    act(() => { useDealStore.getState().dispatch({ type: 'replace-deal', deal: theirs }) })

    fireEvent.click(within(screen.getByTestId('deal-details')).getByTestId('deal-details-save'))
    expect(currentDeal()).toMatchObject({ customer: 'St. Mary Group', amount: { value: 900_000, currency: 'USD' }, stage: 'negotiate' })
  })
})
