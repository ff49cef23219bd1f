import { describe, expect, it } from 'vitest'
import { analyzeDeal } from '@shared/analysis'
import { describeChange, diffDeals } from '@shared/changes'
import type { Deal, Seller } from '@shared/model'
import { aDeal, aPerson, aSeller, edit } from './builders'

// The diff wired to the real analysis, as the snapshots panel uses it.
const analyze = (deal: Deal, roster: readonly Seller[], today: string) => analyzeDeal({ deal, roster, openDeals: [], settings: {}, today })
const today = '2026-03-12'
const roster = [aSeller('s-ann', 'Ann Lee', { level: 'top', kinds: ['account', 'solution', 'project'] })]
const relationship = (depth: number) => ({
  sellerId: 's-ann',
  elements: { value: depth, goodwill: depth, dignity: depth, presence: depth, depth, frequency: depth, length: depth },
})

describe('diffDeals with analyzeDeal', () => {
  const before = aDeal([
    aPerson('p-dm', 'Maria Gomez', { buyingRole: 'decision-maker', influence: 'high', stance: 'neutral', ownerIds: ['s-ann'], relationships: [relationship(1)] }),
  ], { team: [{ sellerId: 's-ann', seat: 'account', lead: true }] })

  it('sees a relationship strengthened and the weak-key-player finding resolved', () => {
    const after = edit(before, 'p-dm', { relationships: [relationship(5)] })
    const changes = diffDeals(before, after, roster, { today, analyze })
    const rel = changes.find((c) => c.kind === 'relationship-changed')
    expect(rel?.stakeholderIds).toEqual(['p-dm'])
    expect(rel && rel.kind === 'relationship-changed' && rel.params.to > rel.params.from).toBe(true)
    const resolved = changes.filter((c) => c.kind === 'finding-resolved').map((c) => c.kind === 'finding-resolved' && c.params.code)
    expect(resolved).toContain('key-player-weak')
  })

  it('sees a coach added as a new person and the no-coach finding resolved', () => {
    const after: Deal = { ...before, stakeholders: [...before.stakeholders, aPerson('p-coach', 'Li Wei', { buyingRole: 'coach', stance: 'champion' })] }
    const sentences = diffDeals(before, after, roster, { today, analyze }).map((c) => describeChange(c, 'en'))
    expect(sentences).toContain('Li Wei was added to the map.')
    expect(sentences).toContain('Resolved: no coach or champion.')
  })
})
