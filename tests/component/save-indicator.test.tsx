import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '../../renderer/i18n'
import { SaveIndicator } from '../../renderer/app/SaveIndicator'
import { useDealStore } from '../../renderer/state/deal-store'

describe('save indicator', () => {
  afterEach(async () => {
    useDealStore.setState({ saveStatus: 'saved', saveError: undefined, saveErrorReason: undefined })
    await act(() => i18next.changeLanguage('en'))
  })

  it('says a full disk in the user\'s language, not main\'s English sentence', async () => {
    useDealStore.setState({ saveStatus: 'error', saveError: 'The disk is full, so your changes could not be saved.', saveErrorReason: 'ENOSPC' })
    render(<SaveIndicator />)
    await act(() => i18next.changeLanguage('en'))
    expect(screen.getByTestId('save-indicator').textContent).toMatch(/disk is full/)
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByTestId('save-indicator').textContent).toContain('磁盘已满')
  })

  it('falls back to main\'s message for an error it has no words for', async () => {
    useDealStore.setState({ saveStatus: 'error', saveError: 'Could not save the deal: odd failure', saveErrorReason: 'EWEIRD' })
    render(<SaveIndicator />)
    expect(screen.getByTestId('save-indicator').textContent).toContain('odd failure')
  })
})
