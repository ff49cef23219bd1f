import { beforeEach, describe, expect, it } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import { StakeholderMap } from '../../../renderer/map/StakeholderMap'
import { useDealStore } from '../../../renderer/state/deal-store'
import { stopEditing, useCaptureStore } from '../../../renderer/map/capture'
import { addReport } from '../../../renderer/map/map-operations'
import { enterMeetingMode, useMeetingStore } from '../../../renderer/meeting/meeting-store'
import { aDeal } from '../../fixtures/builders'
import { openDeal } from './helpers'
import { settle, typeText } from './keyboard-typing'

// Meeting mode is read-only: a card still open for typing (a seat added from the palette, say)
// must not come along, or the meeting shows an input with the caret in it and swallows its keys.
describe('entering meeting mode while a card is being typed', () => {
  beforeEach(async () => {
    await openDeal(aDeal('d').withStakeholder('ceo', { name: 'Ana Ceo', department: 'Board', position: { x: 0, y: 0 } }).build())
    stopEditing()
    useMeetingStore.setState({ active: false, step: -1 })
  })

  it('keeps what was typed and closes the card editor', async () => {
    render(<ReactFlowProvider><div style={{ width: '1000px', height: '800px' }}><StakeholderMap /></div></ReactFlowProvider>)
    await screen.findByText('Ana Ceo')
    act(() => { addReport('ceo') })
    await settle()
    expect(screen.getByTestId('inline-editor')).toBeTruthy()
    typeText('Dana Ellis')
    act(() => enterMeetingMode())
    await settle()
    expect(useCaptureStore.getState().editing).toBeNull()
    expect(screen.queryByTestId('inline-editor')).toBeNull()
    expect(useDealStore.getState().deal!.stakeholders.map((s) => s.name).sort()).toEqual(['Ana Ceo', 'Dana Ellis'])
    useMeetingStore.setState({ active: false })
  })
})
