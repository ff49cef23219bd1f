import { describe, expect, it } from 'vitest'
import { planImport, remapSellers } from '@shared/import'
import { fileReferenceIssues, mapSellerReferences, sellerReferences } from '@shared/model/references'
import { aDeal, anAction, aSeller } from '../../fixtures/builders'

/** A deal that names sellers in every place a deal can: seats, owners, relationships, contacts, actions. */
const builder = () =>
  aDeal('d')
    .seat('anna', 'account', { lead: true })
    .seat('ben', 'account')
    .withStakeholder('li', { ownerIds: ['anna', 'ben'] })
    .withRelationship('li', 'anna', { value: 3 })
    .withContact('li', 'ben', '2026-02-20')
    .withAction('li', anAction('Invite to the plant visit', { ownerId: 'anna' }))
    .withStakeholder('bo')
const everywhere = () => builder().build()

describe('one walker of seller references', () => {
  it('finds every place a deal names a seller, with its path', () => {
    expect(sellerReferences(everywhere()).map((r) => r.path.join('.'))).toEqual([
      'team.0.sellerId', 'team.1.sellerId',
      'stakeholders.0.ownerIds.0', 'stakeholders.0.ownerIds.1',
      'stakeholders.0.relationships.0.sellerId', 'stakeholders.0.contacts.0.sellerId', 'stakeholders.0.actions.0.ownerId',
    ])
  })

  it('rewrites every place it finds, and a walk that changes nothing copies nothing', () => {
    const deal = everywhere()
    const renamed = mapSellerReferences(deal, (id) => `new-${id}`)
    expect(sellerReferences(renamed).map((r) => r.sellerId)).toEqual(sellerReferences(deal).map((r) => `new-${r.sellerId}`))
    expect(renamed.stakeholders[1]).toBe(deal.stakeholders[1])
    expect(mapSellerReferences(deal, (id) => id)).toBe(deal)
  })

  it('the roster check and the remap agree: a file remapped onto the roster has no dangling seller', () => {
    const file = { roster: [aSeller('x')], deal: mapSellerReferences(everywhere(), () => 'x') }
    expect(fileReferenceIssues(file)).toEqual([])
    expect(fileReferenceIssues({ roster: [aSeller('x')], deal: everywhere() })).toHaveLength(7)
  })
})

describe('remapSellers and planImport (shared/import)', () => {
  it('two file sellers matched to one roster seller keep one seat per lane and one place among the owners', () => {
    const merged = remapSellers(everywhere(), () => 'anna')
    expect(merged.team).toEqual([{ sellerId: 'anna', seat: 'account', lead: true }])
    expect(merged.stakeholders[0].ownerIds).toEqual(['anna'])
    expect(merged.stakeholders[0].contacts[0].sellerId).toBe('anna')
  })

  it('matches the file\'s sellers to the roster by email, then by name, and rewrites the deal to the roster ids', () => {
    const file = builder().toFile([aSeller('anna', { name: 'Anna', email: 'anna@ours.com' }), aSeller('ben', { name: 'Ben Carter' })])
    const roster = [aSeller('r1', { name: 'Anna K', email: 'ANNA@ours.com' }), aSeller('r2', { name: 'ben carter' })]
    const plan = planImport(file, roster, new Set(), false, () => 'fresh')
    expect(plan.preview.sellers.map((s) => s.match)).toEqual(['email', 'name'])
    expect(new Set(sellerReferences(plan.deal).map((r) => r.sellerId))).toEqual(new Set(['r1', 'r2']))
    expect(plan.newSellers).toEqual([])
  })
})
