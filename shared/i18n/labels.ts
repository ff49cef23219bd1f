import type {
  BuyingRole, ContactChannel, Element, Influence, LinkKind, Mode, Role, SellerKind, SellerLevel, Stage, Stance, ValueKind,
} from '../model/enums'
import type { Translator } from './translate'

/** The analysis's enumerations that have a label of their own. */
type Band = 'strong' | 'workable' | 'weak' | 'none'
type Severity = 'error' | 'warning' | 'info'
type MapStatus = 'red' | 'amber' | 'green'
type TeamVerdict = 'covered' | 'at-risk' | 'gaps'

/**
 * Where each enumerated value's label lives in the catalog: the one place the page, the deck,
 * the change sentences and the CLI look a label up, so a stance reads the same on a card, a
 * slide and in a sentence. The page's own components use these same keys.
 */
export const LABEL_KEYS = {
  stage: (v: Stage) => `common:stage.${v}`,
  stance: (v: Stance) => `map:stance.${v}`,
  buyingRole: (v: BuyingRole) => `map:buyingRole.${v}`,
  influence: (v: Influence) => `map:influence.${v}`,
  mode: (v: Mode) => `map:mode.${v}`,
  link: (v: LinkKind) => `map:linkKind.${v}`,
  role: (v: Role) => `team:role.${v}`,
  /** What a role wins with: trust, insight, strategy. */
  winsWith: (v: Role) => `team:winsWord.${v}`,
  sellerKind: (v: SellerKind) => `team:kind.${v}`,
  seat: (v: SellerKind) => `team:seatTitle.${v}`,
  level: (v: SellerLevel) => `team:level.${v}`,
  element: (v: Element) => `relationships:element.${v}`,
  valueKind: (v: ValueKind) => `relationships:valueKindOption.${v}`,
  channel: (v: ContactChannel) => `relationships:channel.${v}`,
  band: (v: Band) => `relationships:band.${v}`,
  severity: (v: Severity) => `insights:severity.${v}`,
  mapStatus: (v: MapStatus) => `insights:mapStatus.${v}`,
  verdict: (v: TeamVerdict) => `team:verdict.${v}.title`,
} as const

export type LabelKind = keyof typeof LABEL_KEYS
type ValueOf<K extends LabelKind> = Parameters<(typeof LABEL_KEYS)[K]>[0]

/**
 * The label of a value in the translator's language. A value the catalog does not know (a
 * value added to the file format later) is shown as itself rather than as a catalog key.
 */
export function label<K extends LabelKind>(t: Translator, kind: K, value: ValueOf<K> | (string & {})): string {
  const key = (LABEL_KEYS[kind] as (v: string) => string)(value)
  const text = t(key)
  return text === key ? value : text
}
