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
})
