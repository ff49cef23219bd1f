import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import i18next from 'i18next'
import type { Api, TeamChange } from '@shared/ipc'
import { TeamChanges } from '../../../renderer/collab/TeamChanges'
import { aDeal } from '../../fixtures/builders'

/**
 * "What changed, and who" in a meeting: each line says when to the minute (today's changes all
 * share one date), and names people in the reader's language ("Grace Liu、Omar Haddad 等 1 人").
 */
describe('the sharing menu\'s change list reads as a meeting needs it', () => {
  afterEach(() => i18next.changeLanguage('en'))

  it('shows today\'s changes by their time, and lists names with the language\'s comma and measure word', async () => {
    const deal = aDeal().withStakeholder('grace', { name: 'Grace Liu' }).withStakeholder('omar', { name: 'Omar Haddad' }).withStakeholder('priya', { name: 'Priya Raman' }).build()
    const at = new Date()
    at.setHours(10, 42, 0, 0)
    const change: TeamChange = { id: 'c1', at: at.toISOString(), author: { name: 'Anna Kowalski', email: 'anna@example.com' }, command: 'set-field', targets: ['grace', 'omar', 'priya'] }
    ;(window as unknown as { api: Partial<Api> }).api = { sharedChangeLog: async () => ({ ok: true as const, value: [change] }) } as unknown as Partial<Api>
    await i18next.changeLanguage('zh-CN')
    render(<TeamChanges deal={deal} />)
    await waitFor(() => expect(screen.getByTestId('collab-change').textContent).toContain('Grace Liu、Omar Haddad 等 1 人'))
    expect(screen.getByTestId('collab-change').querySelector('time')?.textContent).toBe('10:42')
  })

  it('says a line was edited, and that opening the deal brought people from the account, rather than "edited the deal\'s details" or an edit by hand', async () => {
    const deal = aDeal().withStakeholder('grace', { name: 'Grace Liu' }).build()
    const by = { name: 'Anna Kowalski', email: 'anna@example.com' }
    const at = new Date().toISOString()
    const changes: TeamChange[] = [
      { id: 'c2', at, author: by, command: 'apply-account-attributes', targets: ['grace'] },
      { id: 'c1', at, author: by, command: 'add-link', targets: ['link-1'] },
    ]
    ;(window as unknown as { api: Partial<Api> }).api = { sharedChangeLog: async () => ({ ok: true as const, value: changes }) } as unknown as Partial<Api>
    render(<TeamChanges deal={deal} />)
    await waitFor(() => expect(screen.getAllByTestId('collab-change')).toHaveLength(2))
    expect(screen.getAllByTestId('collab-change').map((li) => li.querySelector('span')?.textContent)).toEqual([
      "Anna Kowalski · updated Grace Liu from the customer's account",
      'Anna Kowalski · edited a line',
    ])
  })
})
