import { describe, expect, it } from 'vitest'
import { SELLER_LEVELS } from '@shared/model'
import { masters, ROLES_MASTERED } from '@shared/method'
import { GROWTH_ORDER, growthProfile, learningSeats, nextSoul, seatsByRole, soulsMastered, twinSouls } from '@shared/growth'
import { aDeal, aSeller } from '../../fixtures/builders'

const TODAY = '2026-03-12'

describe('souls mastered and the next soul, per level (docs/method.md, levels)', () => {
  it.each([
    { level: 'junior', souls: [], next: 'attack' },
    { level: 'mid', souls: ['attack'], next: 'control' },
    { level: 'senior', souls: ['attack', 'control'], next: 'support' },
    { level: 'top', souls: ['attack', 'control', 'support'], next: null },
  ] as const)('$level masters $souls and learns $next next', ({ level, souls, next }) => {
    expect(soulsMastered(level)).toEqual(souls)
    expect(nextSoul(level)).toBe(next)
  })

  it('reads the one qualification rule: the souls shown are exactly those the team check qualifies, and the next is not one of them', () => {
    for (const level of SELLER_LEVELS) {
      expect([...soulsMastered(level)].sort()).toEqual([...ROLES_MASTERED[level]].sort())
      const next = nextSoul(level)
      if (next) expect(masters(level, next)).toBe(false)
    }
    expect([...GROWTH_ORDER].sort()).toEqual(['attack', 'control', 'support'])
  })
})

describe('seats held across deals, with outcomes per role', () => {
  const ana = aSeller('ana', { level: 'mid', kinds: ['project'] })
  const deals = [
    aDeal('won-1').named('Won one', 'Acme').stage('won').seat(ana, 'project', { lead: true }).build(),
    aDeal('lost-1').named('Lost one', 'Beta').stage('lost').seat(ana, 'project').build(),
    aDeal('open-1').named('Open one', 'Acme').stage('negotiate').seat(ana, 'project').seat(ana, 'account').build(),
    aDeal('open-2').named('Open two', 'Gamma').stage('qualify').seat(ana, 'account').build(),
    aDeal('other').named('Not hers', 'Gamma').stage('won').seat('bo', 'project').build(),
  ]

  it('counts won, lost and open-by-stage per role, each deal once per role', () => {
    const seats = seatsByRole('ana', deals)
    expect(seats.attack).toMatchObject({ won: 1, lost: 1, open: { negotiate: 1 } })
    expect(seats.attack.seats.map((s) => s.dealId)).toEqual(['open-1', 'won-1', 'lost-1'])
    expect(seats.attack.seats.find((s) => s.dealId === 'won-1')?.lead).toBe(true)
    expect(seats.control).toMatchObject({ won: 0, lost: 0, open: { qualify: 1, negotiate: 1 } })
    expect(seats.support.seats).toEqual([])
  })

  it('says twin souls when one person holds two roles in one deal, and only then', () => {
    expect(twinSouls(deals, 'ana')).toEqual([{ dealId: 'open-1', dealName: 'Open one', sellerId: 'ana', roles: ['control', 'attack'] }])
    expect(twinSouls(deals, 'bo')).toEqual([])
    // Two seats of one role are not twin souls.
    const double = aDeal('d').seat('cy', 'project').seat('cy', 'project', { lead: true })
    expect(() => double.build()).toThrow() // the schema refuses the same seat twice
    expect(twinSouls([aDeal('d').seatIn('cy', 'account', 'solution', 'project').build()])).toEqual([
      { dealId: 'd', dealName: 'Deal d', sellerId: 'cy', roles: ['control', 'support', 'attack'] },
    ])
  })
})

describe('learning on a team', () => {
  const roster = [
    aSeller('jun', { level: 'junior', kinds: ['project'] }),
    aSeller('mae', { level: 'mid', kinds: ['project'] }),
    aSeller('sen', { level: 'senior', kinds: ['account'] }),
    aSeller('sam', { level: 'mid', kinds: ['account'] }),
  ]
  const deals = [
    aDeal('a').named('Alpha').seat('mae', 'project').build(), // a qualified attacker: junior can learn attack here
    aDeal('b').named('Beta').seat('jun', 'project').build(), // only the junior: no one to learn from
    aDeal('c').named('Gamma').stage('won').seat('mae', 'project').build(), // closed
    aDeal('d').named('Delta').seat('sen', 'account').seat('sam', 'account').build(), // control held by a senior
    aDeal('e').named('Epsilon').seat('sam', 'account').build(), // control held by a mid (stretch): nobody to learn control from
  ]

  it('lists open deals where a colleague who mastered the next soul already sits it', () => {
    expect(learningSeats('jun', 'attack', deals, roster)).toEqual([
      { dealId: 'a', dealName: 'Alpha', customer: 'Acme', stage: 'propose', role: 'attack', colleagueIds: ['mae'] },
    ])
    // Mae (mid) learns control: Delta has a senior in the account seat; Epsilon only a stretch.
    expect(learningSeats('mae', 'control', deals, roster).map((l) => [l.dealId, l.colleagueIds])).toEqual([['d', ['sen']]])
    // Sam already sits control in Delta: not a learning place for him, it is his seat.
    expect(learningSeats('sam', 'control', deals, roster)).toEqual([])
  })

  it('is part of the profile for the next soul, and empty for a top seller', () => {
    const jun = growthProfile(roster[0], { deals, roster, today: TODAY })
    expect(jun.nextSoul).toBe('attack')
    expect(jun.learning.map((l) => l.dealId)).toEqual(['a'])
    const top = growthProfile(aSeller('tia', { level: 'top' }), { deals, roster, today: TODAY })
    expect(top.nextSoul).toBeNull()
    expect(top.learning).toEqual([])
  })
})

describe('load in the profile uses the overload rule of the team check', () => {
  it('counts open deals seated (closed ones not) and is overloaded only above the limit', () => {
    const ana = aSeller('ana', { level: 'top', kinds: ['project'] })
    const open = (id: string) => aDeal(id).seat(ana, 'project').build()
    const deals = [open('1'), open('2'), open('3'), aDeal('x').stage('won').seat(ana, 'project').build()]
    expect(growthProfile(ana, { deals, roster: [ana], settings: { maxOpenDealsPerSeller: 3 }, today: TODAY }).load).toEqual({ openDeals: 3, limit: 3, overloaded: false })
    expect(growthProfile(ana, { deals, roster: [ana], settings: { maxOpenDealsPerSeller: 2 }, today: TODAY }).load).toEqual({ openDeals: 3, limit: 2, overloaded: true })
  })
})
