import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Inspector } from '../../../renderer/map/inspector/Inspector'
import { RefusalToast } from '../../../renderer/map/RefusalToast'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from './helpers'

/**
 * Typing an email into the inspector, a key at a time: the half-typed address ("priya@") is
 * said under the field, where the user is looking, and not also in the map's refusal toast,
 * which stayed on screen for five seconds after the address was complete and right
 * (walk team-shared-people, step 1).
 */
describe('typing an email in the inspector', () => {
  it('says a half-typed address under the field only, and the finished one is taken', async () => {
    await openDeal(aDeal('d').withStakeholder('priya', { name: 'Priya Raman' }).build())
    act(() => useDealStore.getState().select(['priya']))
    render(<><Inspector /><RefusalToast /></>)
    const input = screen.getByTestId('field-email') as HTMLInputElement
    act(() => input.focus())
    let value = ''
    for (const ch of 'priya@contoso.example') {
      value += ch
      fireEvent.change(input, { target: { value } })
      if (value === 'priya@') expect(input.getAttribute('aria-invalid')).toBe('true')
    }
    expect(screen.queryByTestId('refusal-toast')).toBeNull()
    expect(input.getAttribute('aria-invalid')).toBe('false')
    expect(useDealStore.getState().deal!.stakeholders[0].email).toBe('priya@contoso.example')
  })
})
