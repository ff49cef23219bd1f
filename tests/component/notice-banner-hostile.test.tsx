import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Notice } from '@shared/ipc'
import { i18next } from '../../renderer/i18n'
import { NoticeBanner } from '../../renderer/app/NoticeBanner'
import { useWorkspaceStore } from '../../renderer/state/workspace-store'

/**
 * A notice names files and reasons that came from the disk: a file name a colleague chose,
 * a parse error quoting the file. None of it may become markup, a nested phrase or another
 * parameter in the banner.
 */
const HOSTILE = '<img src=x onerror="window.pwned=1">{{reason}} $t(notices:subject.none) ‮exe.pdf'

describe('notice banner with hostile file names', () => {
  afterEach(async () => {
    useWorkspaceStore.setState({ notices: [] })
    await act(() => i18next.changeLanguage('en'))
  })

  it.each(['en', 'zh-CN'] as const)('shows names and reasons as plain text, never as markup or a nested phrase (%s)', async (lang) => {
    const notice = {
      level: 'warning', code: 'restored-from-backup',
      params: { reason: HOSTILE, aside: `${HOSTILE}.corrupt.json`, when: '{{subject}}' },
      subject: { kind: 'deal-file', name: HOSTILE },
      message: 'x', file: HOSTILE,
    } as unknown as Notice
    useWorkspaceStore.setState({ notices: [notice] })
    await act(() => i18next.changeLanguage(lang))
    render(<NoticeBanner />)
    const banner = screen.getByTestId('notices')
    expect(banner.querySelector('img')).toBeNull()
    const text = banner.textContent ?? ''
    expect(text).toContain('<img src=x onerror="window.pwned=1">{{reason}} $t(notices:subject.none)')
    // Each hostile value appears as given: the name in the subject was not re-read as a phrase.
    expect(text.split('$t(notices:subject.none)').length - 1).toBe(4)
    expect(text).toContain('{{subject}}')
    expect((window as { pwned?: number }).pwned).toBeUndefined()
  })
})
