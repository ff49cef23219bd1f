import type { BuyingRole, Influence, SellerKind, Stage, Stance } from '../model'

/**
 * The slice of a deal analysis the diff needs. It matches what `analyzeDeal` returns, but is
 * declared here so the diff does not depend on the analysis module's internals.
 */
export interface FindingView {
  code: string
  severity: string
  stakeholderIds?: string[]
  sellerIds?: string[]
  role?: string
  department?: string
  message?: string
}
export interface RelationshipView {
  strength: number
  band: string
  stale: boolean
}
export interface AnalysisView {
  findings: FindingView[]
  relationships: Record<string, RelationshipView>
}

/** Change kinds; each names the people involved so the map can highlight them. */
interface ChangeOf<K extends string, P> {
  kind: K
  /** Stakeholders this change is about (highlighted on the map). */
  stakeholderIds: string[]
  /** Sellers this change is about. */
  sellerIds: string[]
  params: P
}

type Person = { name: string }

export type Change =
  | ChangeOf<'stage-changed', { from: Stage; to: Stage }>
  | ChangeOf<'amount-changed', { from: number; to: number; currency: string }>
  | ChangeOf<'close-date-changed', { from: string | null; to: string | null }>
  | ChangeOf<'stakeholder-added', Person>
  | ChangeOf<'stakeholder-removed', Person>
  | ChangeOf<'stance-changed', Person & { from: Stance; to: Stance }>
  | ChangeOf<'buying-role-changed', Person & { from: BuyingRole; to: BuyingRole }>
  | ChangeOf<'influence-changed', Person & { from: Influence; to: Influence }>
  | ChangeOf<'inner-circle-changed', Person & { to: boolean }>
  | ChangeOf<'department-changed', Person & { from: string; to: string }>
  | ChangeOf<'renamed', Person & { from: string }>
  | ChangeOf<'title-changed', Person & { from: string; to: string }>
  | ChangeOf<'owner-added', Person & { seller: string }>
  | ChangeOf<'owner-removed', Person & { seller: string }>
  | ChangeOf<'relationship-changed', Person & { from: number; to: number; fromBand: string; toBand: string }>
  | ChangeOf<'contacts-logged', Person & { count: number }>
  | ChangeOf<'line-added', { from: string; to: string; lineKind: string }>
  | ChangeOf<'line-removed', { from: string; to: string; lineKind: string }>
  | ChangeOf<'seat-added', { seller: string; seat: SellerKind }>
  | ChangeOf<'seat-removed', { seller: string; seat: SellerKind }>
  | ChangeOf<'seat-lead-changed', { seller: string; seat: SellerKind; lead: boolean }>
  | ChangeOf<'finding-new', { code: string; severity: string; people: string[]; role?: string; message?: string }>
  | ChangeOf<'finding-resolved', { code: string; severity: string; people: string[]; role?: string; message?: string }>
