import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/react'
import { actions } from '../../../renderer/app/actions'
import { useDealStore } from '../../../renderer/state/deal-store'
import { stopEditing } from '../../../renderer/map/capture'
import { aDeal, aSeller } from '../../fixtures/builders'
import { openDeal } from './helpers'
import { Room } from './war-room'
import { press, settle, typeText } from './keyboard-typing'


/**
 * Every character a single-key shortcut listens for, read from the registry, so a shortcut
 * added later is typed here too: `n`, `l`, `/`, `?`, and `D`, `C`, `T`, `!` for the
 * Shift ones.
 */
function shortcutCharacters(): string {
  const chars = new Set<string>()
  for (const a of actions) {
    for (const s of a.shortcut ?? []) {
      const parts = s.split('+')
      const key = parts[parts.length - 1]
      const mods = parts.slice(0, -1)
      if (key.length !== 1 || mods.some((m) => m !== 'shift')) continue
      if (mods.includes('shift')) chars.add(key === '1' ? '!' : key.toUpperCase())
      else chars.add(key)
    }
  }
  return [...chars].join('')
}

const people = () => useDealStore.getState().deal!.stakeholders
const contactsLogged = () => people().reduce((n, s) => n + s.contacts.length, 0)

describe('typing a name after N', () => {
  const roster = [aSeller('alice', { name: 'Alice Wong' }), aSeller('zed', { name: 'Zed Outsider' })]
  let runs: ReturnType<typeof vi.spyOn>[] = []
  beforeEach(async () => {
    await openDeal(aDeal('d').withStakeholder('boss', { name: 'Boss Person', position: { x: 0, y: 0 } }).build(), roster)
    stopEditing()
  })
  afterEach(() => {
    runs.forEach((r) => r.mockRestore())
    runs = []
  })

  it('sees every shortcut letter in the registry (so the next test types them all)', () => {
    const chars = shortcutCharacters()
    for (const ch of ['n', 'l', 'D', '?', '/']) expect(chars).toContain(ch)
  })

  it('puts the caret in the new card\'s name and no shortcut fires while the name is typed', async () => {
    render(<Room />)
    await screen.findByText('Boss Person')
    press('n')
    await settle()
    const name = document.activeElement as HTMLInputElement
    expect(name.dataset.testid).toBe('inline-name')
    expect(name.selectionStart).toBe(0)
    expect(name.selectionEnd).toBe(name.value.length) // "New person" selected: typing replaces it

    runs = actions.map((a) => vi.spyOn(a, 'run'))
    const typed = `Dr. Helen Marsh ${shortcutCharacters()}`
    typeText(typed)
    for (const [i, run] of runs.entries()) expect(run, `action ${actions[i].id} ran`).not.toHaveBeenCalled()
    expect(people()).toHaveLength(2)
    expect(contactsLogged()).toBe(0)

    press('Escape')
    await settle()
    expect(people().map((s) => s.name)).toEqual(['Boss Person', typed])
    expect(contactsLogged()).toBe(0)
  })

  it('gives keys typed before the field appears to the name, not to the shortcuts', async () => {
    render(<Room />)
    await screen.findByText('Boss Person')
    runs = actions.map((a) => vi.spyOn(a, 'run'))
    // N and the name in one burst, with no time for React to draw the card in between.
    press('n')
    typeText('Nadia Lund')
    await settle()
    expect(runs.filter((r) => r.mock.calls.length > 0)).toHaveLength(1) // only N itself
    press('Enter')
    await settle()
    expect(people().map((s) => s.name)).toContain('Nadia Lund')
  })

  it('fires no single-key shortcut from any field: inspector text, select, checkbox', async () => {
    render(<Room />)
    await screen.findByText('Boss Person')
    useDealStore.getState().select(['boss'])
    await settle()
    runs = actions.map((a) => vi.spyOn(a, 'run'))
    for (const testId of ['field-title', 'field-stance', 'field-innerCircle', 'field-notes']) {
      const field = screen.getByTestId(testId) as HTMLElement
      field.focus()
      typeText(shortcutCharacters())
    }
    for (const [i, run] of runs.entries()) expect(run, `action ${actions[i].id} ran`).not.toHaveBeenCalled()
    expect(people()).toHaveLength(1)
  })
})
