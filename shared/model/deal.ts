import { z } from 'zod'
import { LINK_KINDS, SELLER_KINDS, STAGES } from './enums'
import { LIMITS } from './limits'
import { Id, IsoDate, LongText, Name, ShortText } from './primitives'
import { StakeholderSchema } from './stakeholder'

export const LinkSchema = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  kind: z.enum(LINK_KINDS),
})
export type Link = z.infer<typeof LinkSchema>

/** A seat on our deal team: which seller sits which kind of seat (and so plays which role). */
export const TeamSeatSchema = z.strictObject({
  sellerId: Id,
  seat: z.enum(SELLER_KINDS),
  lead: z.boolean(),
})
export type TeamSeat = z.infer<typeof TeamSeatSchema>

export const MoneySchema = z.strictObject({
  value: z.number().finite().min(0).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter ISO code such as USD or CNY'),
})
export type Money = z.infer<typeof MoneySchema>

const DealShape = z.strictObject({
  id: Id,
  name: Name,
  customer: ShortText,
  stage: z.enum(STAGES),
  amount: MoneySchema,
  closeDate: IsoDate.nullable(),
  competitors: z.array(ShortText).max(LIMITS.competitors),
  notes: LongText,
  stakeholders: z.array(StakeholderSchema).max(LIMITS.stakeholders),
  links: z.array(LinkSchema).max(LIMITS.links),
  team: z.array(TeamSeatSchema).max(LIMITS.team),
  /** ISO timestamp of the last save; optional so hand-written files stay valid. */
  updatedAt: z.iso.datetime().optional(),
})

/**
 * A deal is internally consistent: ids unique, every line joins two different existing
 * stakeholders, no duplicate line, no seller seated twice in the same seat.
 * Seller references are checked against a roster by the file schema.
 */
export const DealSchema = DealShape.superRefine((deal, ctx) => {
  const ids = new Set<string>()
  deal.stakeholders.forEach((s, i) => {
    if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['stakeholders', i, 'id'], message: `Duplicate stakeholder id "${s.id}"` })
    ids.add(s.id)
  })
  const linkIds = new Set<string>()
  const pairs = new Set<string>()
  deal.links.forEach((l, i) => {
    if (linkIds.has(l.id)) ctx.addIssue({ code: 'custom', path: ['links', i, 'id'], message: `Duplicate line id "${l.id}"` })
    linkIds.add(l.id)
    if (!ids.has(l.from)) ctx.addIssue({ code: 'custom', path: ['links', i, 'from'], message: `Line points at unknown stakeholder "${l.from}"` })
    if (!ids.has(l.to)) ctx.addIssue({ code: 'custom', path: ['links', i, 'to'], message: `Line points at unknown stakeholder "${l.to}"` })
    if (l.from === l.to) ctx.addIssue({ code: 'custom', path: ['links', i, 'to'], message: 'A line cannot join a stakeholder to itself' })
    const key = `${l.kind}:${l.from}>${l.to}`
    if (pairs.has(key)) ctx.addIssue({ code: 'custom', path: ['links', i], message: 'Duplicate line: the same kind of line already joins these two people' })
    pairs.add(key)
  })
  const seats = new Set<string>()
  deal.team.forEach((t, i) => {
    const key = `${t.seat}:${t.sellerId}`
    if (seats.has(key)) ctx.addIssue({ code: 'custom', path: ['team', i], message: `Seller "${t.sellerId}" already sits the ${t.seat} seat` })
    seats.add(key)
  })
})
export type Deal = z.infer<typeof DealSchema>

/** Every seller id a deal mentions, with the JSON path of each mention. */
export function sellerReferences(deal: Deal): Array<{ sellerId: string; path: (string | number)[] }> {
  const refs: Array<{ sellerId: string; path: (string | number)[] }> = []
  deal.team.forEach((t, i) => refs.push({ sellerId: t.sellerId, path: ['team', i, 'sellerId'] }))
  deal.stakeholders.forEach((s, i) => {
    s.ownerIds.forEach((id, j) => refs.push({ sellerId: id, path: ['stakeholders', i, 'ownerIds', j] }))
    s.relationships.forEach((r, j) => refs.push({ sellerId: r.sellerId, path: ['stakeholders', i, 'relationships', j, 'sellerId'] }))
    s.contacts.forEach((c, j) => refs.push({ sellerId: c.sellerId, path: ['stakeholders', i, 'contacts', j, 'sellerId'] }))
    s.actions?.forEach((a, j) => { if (a.ownerId) refs.push({ sellerId: a.ownerId, path: ['stakeholders', i, 'actions', j, 'ownerId'] }) })
  })
  return refs
}
