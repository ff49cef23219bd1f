import { beforeEach, describe, expect, it } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useDealStore } from '../../../renderer/state/deal-store'
import { stopEditing } from '../../../renderer/map/capture'
import { addPlaceholder } from '../../../renderer/map/map-operations'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from './helpers'
import { Room } from './war-room'
import { press, settle, typeText } from './keyboard-typing'


const people = () => useDealStore.getState().deal!.stakeholders
const byName = (name: string) => people().find((s) => s.name === name)!
const managerOf = (id: string) => useDealStore.getState().deal!.links.find((l) => l.kind === 'reports-to' && l.from === id)?.to
const focusedField = () => (document.activeElement as HTMLElement | null)?.dataset.testid

describe('capturing people on the card', () => {
  beforeEach(async () => {
    await openDeal(aDeal('d').withStakeholder('ceo', { name: 'Ana Ceo', department: 'Board', position: { x: 0, y: 0 } }).build())
    stopEditing()
  })

  it('Enter keeps the person and opens a sibling: same manager, same department, caret in its name', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    act(() => useDealStore.getState().select(['ceo']))
    await settle()
    fireEvent.click(screen.getByTestId('add-report'))
    await settle()
    expect(focusedField()).toBe('inline-name')
    typeText('Dr. Helen Marsh')
    press('Tab')
    expect(focusedField()).toBe('inline-title')
    typeText('CFO')
    press('Tab')
    expect(focusedField()).toBe('inline-department')
    press('Tab', { shiftKey: true })
    expect(focusedField()).toBe('inline-title')
    press('Enter')
    await settle()
    expect(focusedField()).toBe('inline-name')
    typeText('Nadia Lund')
    press('Enter')
    await settle()
    press('Escape')
    await settle()

    const helen = byName('Dr. Helen Marsh')
    const nadia = byName('Nadia Lund')
    expect(helen.title).toBe('CFO')
    expect(managerOf(helen.id)).toBe('ceo')
    expect(managerOf(nadia.id)).toBe('ceo')
    expect(nadia.department).toBe('Board')
    // The empty third card left with Esc is gone, not saved as "New person".
    expect(people().map((s) => s.name).sort()).toEqual(['Ana Ceo', 'Dr. Helen Marsh', 'Nadia Lund'])
  })

  it('Shift+Enter takes a report of the person just typed, Ctrl+Enter goes one level up', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    act(() => useDealStore.getState().select(['ceo']))
    await settle()
    fireEvent.click(screen.getByTestId('add-report'))
    await settle()
    typeText('Olaf Dahl')
    press('Enter', { shiftKey: true })
    await settle()
    typeText('Lena Lind')
    act(() => { fireEvent.keyDown(document.activeElement!, { key: 'Enter', ctrlKey: true }) })
    await settle()
    typeText('Nadia Lund')
    press('Escape')
    await settle()
    expect(managerOf(byName('Olaf Dahl').id)).toBe('ceo')
    expect(managerOf(byName('Lena Lind').id)).toBe(byName('Olaf Dahl').id)
    expect(managerOf(byName('Nadia Lund').id)).toBe('ceo')
    expect(people()).toHaveLength(4)
  })

  it('"Add direct report" three times gives three siblings and the selection stays on the manager', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    act(() => useDealStore.getState().select(['ceo']))
    await settle()
    for (const name of ['Ben One', 'Cai Two', 'Dee Three']) {
      fireEvent.click(screen.getByTestId('add-report'))
      await settle()
      typeText(name)
    }
    act(() => (document.activeElement as HTMLElement).blur())
    await settle()
    for (const name of ['Ben One', 'Cai Two', 'Dee Three']) expect(managerOf(byName(name).id), name).toBe('ceo')
    expect(useDealStore.getState().selection).toEqual(['ceo'])
    // A row under the manager: the same height, side by side.
    const ys = new Set(['Ben One', 'Cai Two', 'Dee Three'].map((n) => byName(n).position.y))
    expect(ys.size).toBe(1)
  })

  it('Esc on a new untouched card removes it (no nameless person is kept)', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    press('n')
    await settle()
    expect(people()).toHaveLength(2)
    press('Escape')
    await settle()
    expect(people()).toHaveLength(1)
  })

  it('a new card with a title but no name stays as a placeholder, and naming it makes it a person', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    press('n')
    await settle()
    press('Backspace')
    act(() => { fireEvent.change(document.activeElement!, { target: { value: '' } }) })
    press('Tab')
    typeText('COO')
    press('Escape')
    await settle()
    const seat = people().find((s) => s.title === 'COO')!
    expect(seat.placeholder).toBe(true)
    expect(seat.name).toBe('')
    expect(await screen.findByText('Not yet identified')).toBeTruthy()

    const card = document.querySelector(`[data-stakeholder-id="${seat.id}"]`)!
    fireEvent.doubleClick(card)
    await settle()
    expect(focusedField()).toBe('inline-name')
    typeText('Omar Reyes')
    press('Enter')
    await settle()
    const person = people().find((s) => s.id === seat.id)!
    expect(person.name).toBe('Omar Reyes')
    expect(person.placeholder).toBeUndefined()
  })

  it('a seat added with a person selected reports to that person, and the inspector names it by its title', async () => {
    render(<Room />)
    await screen.findByText('Ana Ceo')
    act(() => useDealStore.getState().select(['ceo']))
    await settle()
    act(() => { addPlaceholder() })
    await settle()
    expect(focusedField()).toBe('inline-title')
    typeText('COO')
    press('Escape')
    await settle()
    const seat = people().find((s) => s.title === 'COO')!
    expect(seat.placeholder).toBe(true)
    expect(managerOf(seat.id)).toBe('ceo')
    expect(seat.department).toBe('Board')
    act(() => useDealStore.getState().select([seat.id]))
    await settle()
    expect(screen.getByTestId('stakeholder-inspector').querySelector('h2')!.textContent).toMatch(/ COO \(Not yet identified\)$/)
  })

  it('double-click on a card edits its name in place', async () => {
    render(<Room />)
    const card = (await screen.findByText('Ana Ceo')).closest('[data-testid="stakeholder-card"]')!
    fireEvent.doubleClick(card)
    await settle()
    expect(focusedField()).toBe('inline-name')
    typeText('Ana Costa')
    press('Enter')
    await settle()
    expect(people().map((s) => s.name)).toEqual(['Ana Costa'])
  })
})
