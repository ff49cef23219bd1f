import { describe, expect, it } from 'vitest'
import { applyCommand, CommandError } from '@shared/commands'
import { DealSchema, LIMITS } from '@shared/model'
import { aDeal } from '../../fixtures/builders'

const deal = () =>
  aDeal('d1')
    .withStakeholder('ana', { name: 'Ana Silva' })
    .withStakeholder('tom', { name: 'Tom Berg' })
    .withLink('ana', 'tom', 'ally')
    .build()
const LINE = 'ally-ana-tom'

describe('a label on a line', () => {
  it('is set, saved in a valid deal, and removed by an empty label', () => {
    const labelled = applyCommand(deal(), { type: 'set-link-label', id: LINE, label: 'golf partner' })
    expect(labelled.links[0].label).toBe('golf partner')
    expect(DealSchema.safeParse(labelled).success).toBe(true)
    const cleared = applyCommand(labelled, { type: 'set-link-label', id: LINE, label: '   ' })
    expect('label' in cleared.links[0]).toBe(false)
  })

  it('is one line of cleaned text, trimmed and cut to the limit', () => {
    const next = applyCommand(deal(), { type: 'set-link-label', id: LINE, label: '  ex-\u0007colleague\tat\nSAP  ' })
    expect(next.links[0].label).toBe('ex-colleague at SAP')
    const long = applyCommand(deal(), { type: 'set-link-label', id: LINE, label: '高'.repeat(100) })
    expect(Array.from(long.links[0].label ?? '')).toHaveLength(LIMITS.linkLabel)
  })

  it('a line drawn with a label keeps it cleaned', () => {
    const next = applyCommand(deal(), { type: 'add-link', link: { id: 'x', from: 'tom', to: 'ana', kind: 'influences', label: ' old\nboss ' } })
    expect(next.links[1].label).toBe('old boss')
  })

  it('changes nothing when the label is the same, and refuses a line that is gone', () => {
    const labelled = applyCommand(deal(), { type: 'set-link-label', id: LINE, label: 'golf partner' })
    expect(applyCommand(labelled, { type: 'set-link-label', id: LINE, label: 'golf partner ' })).toBe(labelled)
    expect(() => applyCommand(deal(), { type: 'set-link-label', id: 'nope', label: 'x' })).toThrow(CommandError)
  })

  it('files without labels stay valid; a label too long for the file is refused', () => {
    expect(DealSchema.safeParse(deal()).success).toBe(true)
    const tooLong = { ...deal(), links: [{ ...deal().links[0], label: 'x'.repeat(LIMITS.linkLabel + 1) }] }
    expect(DealSchema.safeParse(tooLong).success).toBe(false)
  })
})
