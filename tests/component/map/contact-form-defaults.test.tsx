import { beforeEach, describe, expect, it } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import { CONTACT_CHANNELS } from '@shared/model'
import { useDealStore } from '../../../renderer/state/deal-store'
import { stopEditing } from '../../../renderer/map/capture'
import { aDeal, aSeller } from '../../fixtures/builders'
import { openDeal } from './helpers'
import { Room } from './war-room'
import { press, settle } from './keyboard-typing'


// "Aaron Other" sorts first on the roster but is on no seat of this deal.
const roster = [aSeller('aaron', { name: 'Aaron Other' }), aSeller('amy', { name: 'Amy Lead', kinds: ['account'] }), aSeller('sol', { name: 'Sol Tech', kinds: ['solution'] })]
const base = () => aDeal('d').seat(roster[2], 'solution').seat(roster[1], 'account', { lead: true })

async function openContactFormFor(id: string) {
  render(<Room />)
  await screen.findAllByTestId('stakeholder-card')
  act(() => useDealStore.getState().select([id]))
  await settle()
  act(() => (document.activeElement as HTMLElement | null)?.blur())
  press('l')
  await settle()
  return screen.getByTestId('contact-form')
}

describe('the contact form', () => {
  beforeEach(() => stopEditing())

  it('has the caret in its first field when it opens, and offers the channels a deal team uses', async () => {
    await openDeal(base().withStakeholder('li', { name: 'Li Wei', ownerIds: ['sol'] }).build(), roster)
    const form = await openContactFormFor('li')
    expect(form.contains(document.activeElement)).toBe(true)
    expect(document.activeElement).toBe(screen.getByTestId('contact-channel'))
    const channels = Array.from((screen.getByTestId('contact-channel') as HTMLSelectElement).options).map((o) => o.value)
    for (const c of ['email', 'meeting', 'call', 'demo', 'dinner', 'event', 'message']) expect(channels).toContain(c)
    expect(channels).toEqual([...CONTACT_CHANNELS])
  })

  it('puts the contact on the person\'s owner', async () => {
    await openDeal(base().withStakeholder('li', { name: 'Li Wei', ownerIds: ['sol'] }).build(), roster)
    await openContactFormFor('li')
    expect((screen.getByTestId('contact-seller') as HTMLSelectElement).value).toBe('sol')
  })

  it('with no owner, on the deal team\'s lead — never on a seller who is not on the deal', async () => {
    await openDeal(base().withStakeholder('li', { name: 'Li Wei' }).build(), roster)
    await openContactFormFor('li')
    expect((screen.getByTestId('contact-seller') as HTMLSelectElement).value).toBe('amy')
  })

  it('with no team at all, asks for the seller instead of guessing one', async () => {
    await openDeal(aDeal('d').withStakeholder('li', { name: 'Li Wei' }).build(), roster)
    await openContactFormFor('li')
    expect((screen.getByTestId('contact-seller') as HTMLSelectElement).value).toBe('')
    expect((screen.getByTestId('contact-save') as HTMLButtonElement).disabled).toBe(true)
  })
})
