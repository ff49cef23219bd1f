import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CollabState } from '@shared/ipc'
import { i18next } from '../../../renderer/i18n'
import { CollabBar } from '../../../renderer/collab/CollabBar'
import { useCollabStore } from '../../../renderer/collab/collab-store'
import { useDealStore } from '../../../renderer/state/deal-store'
import { aDeal } from '../../fixtures/builders'

/**
 * A shared deal whose update log on this laptop cannot be read (docs/collaboration.md,
 * "Adversarial findings"): the pill names this laptop's own trouble in a few words, not "could
 * not be started, try again", and its tooltip gives the two ways out, in English and Chinese.
 */
describe('the top bar of a deal whose change log here is damaged', () => {
  const state: CollabState = { dealId: 'd1', serverUrl: 'ws://127.0.0.1:1234', documentName: 'deal/d1', role: 'editor', status: { kind: 'refused', reason: 'log-damaged' }, presence: [], canUndo: false, canRedo: false }
  afterEach(async () => {
    await act(() => i18next.changeLanguage('en'))
    useCollabStore.setState({ state: null })
    useDealStore.setState({ deal: null })
  })

  it('says it, and how to go on, in both languages', async () => {
    useDealStore.setState({ deal: aDeal('d1').named('Northwind rollout', 'Northwind').build() })
    useCollabStore.setState({ state })
    render(<CollabBar />)
    const pill = screen.getByTestId('collab-status')
    expect(pill.textContent).toBe('Change log damaged')
    expect(pill.getAttribute('title')).toMatch(/cannot be read; nothing was changed and the file is kept\. Stop sharing here keeps this laptop's copy/)
    await act(() => i18next.changeLanguage('zh-CN'))
    expect(screen.getByTestId('collab-status').textContent).toBe('修改记录已损坏')
    expect(screen.getByTestId('collab-status').getAttribute('title')).toMatch(/^修改记录已损坏。本机记录团队修改的文件无法读取/)
  })
})
