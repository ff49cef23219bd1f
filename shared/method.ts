import {
  DEFAULT_SETTINGS, ELEMENTS, ROLES, SELLER_LEVELS,
  type Element, type Role, type SellerKind, type SellerLevel, type Settings,
} from './model'

/**
 * The sales method (METHOD.md §1–§3) as data, so the analysis, the UI and the CLI read the
 * same rules. Labels shown to users live in the i18n files under the keys given here; the
 * English strings are the source wording and the CLI's text.
 */

/** The soul (role) each kind of seat plays: account → control, solution → support, project → attack. */
export const ROLE_OF_SEAT: Readonly<Record<SellerKind, Role>> = {
  account: 'control',
  solution: 'support',
  project: 'attack',
}

/** The seat that plays each role (inverse of ROLE_OF_SEAT). */
export const SEAT_OF_ROLE: Readonly<Record<Role, SellerKind>> = {
  control: 'account',
  support: 'solution',
  attack: 'project',
}

/** What each role wins with: control wins with trust 信, support with insight 慧, attack with strategy 智. */
export const WINS_WITH: Readonly<Record<Role, 'trust' | 'insight' | 'strategy'>> = {
  control: 'trust',
  support: 'insight',
  attack: 'strategy',
}

/** The roles each level has mastered (METHOD.md §2). */
export const ROLES_MASTERED: Readonly<Record<SellerLevel, readonly Role[]>> = {
  junior: [],
  mid: ['attack'],
  senior: ['attack', 'control'],
  top: ['attack', 'control', 'support'],
}

/** Higher is more senior; used to break ties in suggestions. */
export const LEVEL_RANK: Readonly<Record<SellerLevel, number>> = Object.fromEntries(
  SELLER_LEVELS.map((level, i) => [level, i]),
) as Record<SellerLevel, number>

/** A seat is qualified when the seller's level has mastered the seat's role. */
export function masters(level: SellerLevel, role: Role): boolean {
  return ROLES_MASTERED[level].includes(role)
}

export const ROLE_ORDER: readonly Role[] = ROLES

export interface RubricLevel {
  score: number
  /** i18n key of the one-line rubric for this score. */
  key: string
  en: string
}

function rubric(element: Element, lines: readonly string[]): readonly RubricLevel[] {
  return lines.map((en, score) => ({ score, key: `method.elements.${element}.rubric.${score}`, en }))
}

/** Depth ladder (METHOD.md §3 item 7). */
export const DEPTH_LADDER: readonly RubricLevel[] = rubric('depth', [
  'None',
  'Greetings and likes',
  'Small talk about work',
  'Asks us for business or technical advice (trusts our ability)',
  'Asks us for advice on family or career (trusts our character)',
  'Friend or mentor',
])

/** The seven elements, each with a 0–5 rubric. Frequency and length are derived unless overridden. */
export const ELEMENT_RUBRICS: Readonly<Record<Element, readonly RubricLevel[]>> = {
  value: rubric('value', [
    'We bring this person nothing personal',
    'Polite acquaintance; the value is our company, not us',
    'Some shared ground (interests, background)',
    'A real bond or occasional practical help',
    'Strong personal bond or regular help with career or life',
    'Family-like ties or a bond that outlasts any job',
  ]),
  goodwill: rubric('goodwill', [
    'No favours either way',
    'A small courtesy given',
    'A few favours given, none asked',
    'Goodwill banked over many occasions',
    'They feel they owe us',
    'Deep, long-standing goodwill on both sides',
  ]),
  dignity: rubric('dignity', [
    'Our conduct has hurt us with this person',
    'Unremarkable conduct',
    'Professional and polite',
    'Respected: gracious in wins, composed in losses',
    'Seen as someone worth knowing',
    'Admired as a peer at any level',
  ]),
  presence: rubric('presence', [
    'They see no resources behind us',
    'We can answer questions',
    'We can bring in our experts',
    'We solve their problems with people inside and outside',
    'We open doors to their own customers and partners',
    'They see us as a channel to resources they cannot get elsewhere',
  ]),
  frequency: rubric('frequency', [
    'Never in contact',
    'Contact has lapsed (nothing in the last four cadences)',
    'Contact in one recent cadence',
    'Contact in two recent cadences',
    'Steady: contact in three recent cadences, latest within one',
    'Steady: contact in each of the last four cadences',
  ]),
  length: rubric('length', [
    'Not known',
    'Known less than a year',
    'Known one to two years',
    'Known two to five years',
    'Known five to ten years',
    'Known ten years or more',
  ]),
  depth: DEPTH_LADDER,
}

export const ELEMENT_ORDER: readonly Element[] = ELEMENTS

/** Years known (whole, as of today) at which length reaches 2, 3, 4 and 5; under 1 year scores 1. */
export const LENGTH_THRESHOLDS_YEARS = [1, 2, 5, 10] as const

export type CadenceDays = Settings['cadenceDays']

/** Contact cadence by influence (days): high 30, medium 60, low 90; a workspace setting. */
export const DEFAULT_CADENCE_DAYS: CadenceDays = DEFAULT_SETTINGS.cadenceDays

/** How many recent cadence windows derived frequency looks back over. */
export const FREQUENCY_WINDOWS = 4
