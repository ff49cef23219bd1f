import { fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { RelationshipSections } from '../../renderer/relationships/RelationshipSections'
import { aDeal, aSeller } from '../fixtures/builders'
import { openDealInStores, person, TODAY } from './relationships-helpers'

const anna = aSeller('anna', { name: 'Anna Kowalski' })
const ben = aSeller('ben', { name: 'Ben Carter' })

function setup() {
  const deal = aDeal()
    .withStakeholder('li', { name: 'Li Wei', buyingRole: 'decision-maker', influence: 'high' })
    .ownedBy('li', anna)
    .withRelationship('li', anna, { value: 2, goodwill: 1, dignity: 3, presence: 2, depth: 1 }, { knownSince: '2020-01-10' })
    .withContact('li', anna, '2026-03-01', 'visit')
    .build()
  openDealInStores(deal, [anna, ben])
  return render(<RelationshipSections id="li" />)
}

const assessment = () => screen.getByTestId('assessment')
const scale = (element: string) => within(assessment()).getByTestId(`scale-${element}`)

describe('the seven-element assessment', () => {
  beforeEach(() => setup())

  it('scores an element with one click, shows the rubric line of the level and moves the total', () => {
    const before = within(assessment()).getByTestId('assessment-total').textContent
    fireEvent.click(within(scale('value')).getByRole('radio', { name: '4' }))
    expect(person('li').relationships[0].elements.value).toBe(4)
    expect(within(assessment()).getByTestId('rubric-value').textContent).toBe('A close bond, or regular help with their career or life')
    expect(within(assessment()).getByTestId('assessment-total').textContent).not.toBe(before)
    expect(within(scale('value')).getByRole('radio', { name: '4' }).getAttribute('aria-checked')).toBe('true')
  })

  it('uses the depth ladder of the method for depth', () => {
    fireEvent.click(within(scale('depth')).getByRole('radio', { name: '3' }))
    expect(within(assessment()).getByTestId('rubric-depth').textContent).toMatch(/business or technical advice/)
  })

  it('shows frequency as derived, lets the user override it and reset it to the derived score', () => {
    const row = within(assessment()).getByTestId('element-frequency')
    expect(within(row).getByText('derived')).toBeTruthy()
    const derived = Number(row.getAttribute('data-score'))
    fireEvent.click(within(scale('frequency')).getByRole('radio', { name: '5' }))
    expect(person('li').relationships[0].elements.frequency).toBe(5)
    const after = within(assessment()).getByTestId('element-frequency')
    expect(within(after).getByText('override')).toBeTruthy()
    fireEvent.click(within(after).getByTestId('reset-frequency'))
    expect(person('li').relationships[0].elements.frequency).toBeUndefined()
    expect(Number(within(assessment()).getByTestId('element-frequency').getAttribute('data-score'))).toBe(derived)
  })

  it('derives length from "known since" (six whole years → 4) and refuses a date after today', () => {
    expect(within(assessment()).getByTestId('element-length').getAttribute('data-score')).toBe('4')
    const field = within(assessment()).getByTestId('known-since')
    fireEvent.change(field, { target: { value: '2026-03-13' } })
    expect(screen.getByRole('alert').textContent).toBe('“Known since” cannot be after today.')
    expect(person('li').relationships[0].knownSince).toBe('2020-01-10')
    fireEvent.change(field, { target: { value: TODAY } })
    expect(person('li').relationships[0].knownSince).toBe(TODAY)
    expect(within(assessment()).getByTestId('element-length').getAttribute('data-score')).toBe('1')
  })

  it('records the kind of value', () => {
    fireEvent.change(within(assessment()).getByTestId('value-kind'), { target: { value: 'practical-help' } })
    expect(person('li').relationships[0].valueKind).toBe('practical-help')
  })

  it('assesses another seller on request', () => {
    fireEvent.change(screen.getByTestId('assess-seller'), { target: { value: 'ben' } })
    fireEvent.click(screen.getByRole('button', { name: 'Assess' }))
    expect(person('li').relationships.map((r) => r.sellerId)).toEqual(['anna', 'ben'])
    expect(screen.getAllByTestId('assessment')).toHaveLength(2)
  })
})

describe('the contact log', () => {
  beforeEach(() => setup())

  it('refuses a contact dated in the future at the field', () => {
    fireEvent.click(screen.getByTestId('log-contact'))
    fireEvent.change(screen.getByTestId('contact-date'), { target: { value: '2026-03-20' } })
    expect(screen.getByRole('alert').textContent).toBe('A contact cannot be dated in the future.')
    expect((screen.getByTestId('contact-save') as HTMLButtonElement).disabled).toBe(true)
    expect(person('li').contacts).toHaveLength(1)
  })

  it('logs a contact; asking for business advice suggests raising depth to 3 in one click', () => {
    fireEvent.click(screen.getByTestId('log-contact'))
    fireEvent.change(screen.getByTestId('contact-channel'), { target: { value: 'business-advice' } })
    fireEvent.change(screen.getByTestId('contact-note'), { target: { value: 'Asked how peers run cut-overs' } })
    fireEvent.click(screen.getByTestId('contact-save'))
    expect(person('li').contacts[0]).toEqual({ date: TODAY, sellerId: 'anna', channel: 'business-advice', note: 'Asked how peers run cut-overs' })
    expect(screen.getAllByTestId('contact-entry')[0].textContent).toContain('Asked us for business advice')
    fireEvent.click(screen.getByTestId('raise-depth'))
    expect(person('li').relationships[0].elements.depth).toBe(3)
    expect(screen.queryByTestId('depth-suggestion')).toBeNull()
  })
})

describe('next actions', () => {
  beforeEach(() => setup())

  it('adds an action and flags it overdue once its date has passed; done clears the flag', () => {
    const box = screen.getByTestId('next-actions')
    fireEvent.change(within(box).getByTestId('action-what'), { target: { value: 'Send the cut-over plan' } })
    fireEvent.change(within(box).getAllByLabelText('Due').at(-1)!, { target: { value: '2026-03-01' } })
    fireEvent.click(within(box).getByTestId('action-add'))
    const [action] = person('li').actions ?? []
    expect(action).toMatchObject({ what: 'Send the cut-over plan', ownerId: 'anna', due: '2026-03-01', done: false })
    expect(within(box).getByTestId('overdue')).toBeTruthy()
    fireEvent.click(within(within(box).getByTestId('action-item')).getByRole('checkbox'))
    expect(person('li').actions?.[0].done).toBe(true)
    expect(within(box).queryByTestId('overdue')).toBeNull()
  })
})

describe('the contact log', () => {
  it('removes the contact the user clicked, though the file kept the log oldest first', () => {
    const deal = aDeal()
      .withStakeholder('li', { name: 'Li Wei' })
      .ownedBy('li', anna)
      .withContact('li', anna, '2026-01-05', 'visit')
      .withContact('li', ben, '2026-03-01', 'call')
      .build()
    openDealInStores(deal, [anna, ben])
    render(<RelationshipSections id="li" />)
    const [newest] = screen.getAllByTestId('contact-entry')
    expect(newest.textContent).toContain('Ben Carter')
    fireEvent.click(within(newest).getByRole('button', { name: 'Remove this contact' }))
    expect(person('li').contacts).toEqual([{ date: '2026-01-05', sellerId: 'anna', channel: 'visit', note: '' }])
    expect(screen.getAllByTestId('contact-entry')).toHaveLength(1)
  })
})
