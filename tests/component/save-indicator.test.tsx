import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '../../renderer/i18n'
import { SaveIndicator } from '../../renderer/app/SaveIndicator'
import { useDealStore } from '../../renderer/state/deal-store'

describe('save indicator', () => {
  afterEach(async () => {
    useDealStore.setState({ saveStatus: 'saved', saveError: undefined, saveErrorReason: undefined, saveErrorParams: undefined })
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

  it('says a deal too large to save in the user\'s language, with the sizes, and does not claim to retry', async () => {
    useDealStore.setState({ saveStatus: 'error', saveError: 'The deal file would take 51.0 MB…', saveErrorReason: 'too-large', saveErrorParams: { size: '51.0', limit: '50.0' } })
    render(<SaveIndicator />)
    await act(() => i18next.changeLanguage('en'))
    const text = () => screen.getByTestId('save-indicator').textContent ?? ''
    expect(text()).toMatch(/^Not saved: the deal would take 51\.0 MB, more than the 50\.0 MB/)
    expect(text()).not.toMatch(/retrying/)
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(text()).toContain('未保存')
    expect(text()).toContain('51.0 MB')
  })

  it('falls back to main\'s message for an error it has no words for', async () => {
    useDealStore.setState({ saveStatus: 'error', saveError: 'Could not save the deal: odd failure', saveErrorReason: 'EWEIRD' })
    render(<SaveIndicator />)
    expect(screen.getByTestId('save-indicator').textContent).toContain('odd failure')
  })
})
