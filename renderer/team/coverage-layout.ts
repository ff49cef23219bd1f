import { CARD_SIZE } from '@shared/card-size'
import { ROLE_OF_SEAT } from '@shared/method'
import type { Deal, Role, Seller } from '@shared/model'

export interface CoverageBadge {
  sellerId: string
  name: string
  roles: Role[]
  seated: boolean
  owned: number
  x: number
  y: number
}

export interface CoverageLayout {
  badges: CoverageBadge[]
  /** One SVG path per seller (all their lines in one `d`), so 1,000 cards cost a handful of elements. */
  paths: Array<{ sellerId: string; d: string }>
  bounds: { x: number; y: number; width: number; height: number }
}

export const BADGE_WIDTH = 180
export const BADGE_HEIGHT = 52
const GAP = 40
const ROW_OFFSET = 140

/**
 * The coverage overlay in map coordinates: every seated seller (and any other owner) as a
 * badge in a row above the map, with a curve to the top of each card they own. Linear in
 * the number of people and owner ties.
 */
export function coverageLayout(deal: Pick<Deal, 'team' | 'stakeholders'>, roster: readonly Seller[]): CoverageLayout | null {
  if (deal.stakeholders.length === 0) return null
  const order: string[] = []
  const roles = new Map<string, Role[]>()
  for (const seat of deal.team) {
    if (!roles.has(seat.sellerId)) {
      roles.set(seat.sellerId, [])
      order.push(seat.sellerId)
    }
    const held = roles.get(seat.sellerId)!
    const role = ROLE_OF_SEAT[seat.seat]
    if (!held.includes(role)) held.push(role)
  }
  const owned = new Map<string, Array<{ x: number; y: number }>>()
  let left = Infinity
  let right = -Infinity
  let top = Infinity
  let bottom = -Infinity
  for (const s of deal.stakeholders) {
    const size = CARD_SIZE[s.influence]
    left = Math.min(left, s.position.x)
    right = Math.max(right, s.position.x + size.width)
    top = Math.min(top, s.position.y)
    bottom = Math.max(bottom, s.position.y + size.height)
    for (const id of s.ownerIds) {
      if (!owned.has(id)) {
        owned.set(id, [])
        if (!roles.has(id)) order.push(id)
      }
      owned.get(id)!.push({ x: s.position.x + size.width / 2, y: s.position.y })
    }
  }
  if (order.length === 0) return null
  const names = new Map(roster.map((s) => [s.id, s.name]))
  const rowWidth = order.length * BADGE_WIDTH + (order.length - 1) * GAP
  const startX = (left + right) / 2 - rowWidth / 2
  const y = top - ROW_OFFSET - BADGE_HEIGHT
  const badges: CoverageBadge[] = order.map((sellerId, i) => ({
    sellerId,
    name: names.get(sellerId) ?? sellerId,
    roles: roles.get(sellerId) ?? [],
    seated: roles.has(sellerId),
    owned: owned.get(sellerId)?.length ?? 0,
    x: startX + i * (BADGE_WIDTH + GAP),
    y,
  }))
  const paths = badges
    .filter((b) => b.owned > 0)
    .map((b) => {
      const sx = b.x + BADGE_WIDTH / 2
      const sy = b.y + BADGE_HEIGHT
      const d = owned.get(b.sellerId)!.map((p) => {
        const mid = (sy + p.y) / 2
        return `M${round(sx)} ${round(sy)}C${round(sx)} ${round(mid)} ${round(p.x)} ${round(mid)} ${round(p.x)} ${round(p.y)}`
      }).join('')
      return { sellerId: b.sellerId, d }
    })
  const minX = Math.min(left, startX)
  const maxX = Math.max(right, startX + rowWidth)
  return { badges, paths, bounds: { x: minX, y, width: maxX - minX, height: bottom - y } }
}

const round = (n: number) => Math.round(n * 10) / 10
