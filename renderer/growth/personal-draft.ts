import { FREEDOMS, TRAITS, type Freedom, type SellerGrowth, type Trait, type TraitAssessment } from '@shared/growth'
import { cleanText } from '@shared/model'

/** What the traits and freedoms form edits before Save. */
export interface PersonalDraft {
  scores: Record<Trait, number>
  by: TraitAssessment['by']
  assessor: string
  on: string
  /** True once a score was set (or one was saved before): an untouched form saves no assessment. */
  assessed: boolean
  freedoms: Record<Freedom, { reached: boolean; note: string }>
}

export function draftOf(growth: SellerGrowth | undefined, sellerName: string, today: string): PersonalDraft {
  const a = growth?.assessment
  return {
    scores: a ? { ...a.scores } : (Object.fromEntries(TRAITS.map((t) => [t, 0])) as Record<Trait, number>),
    by: a?.by ?? 'self',
    assessor: a?.assessor ?? sellerName,
    on: a?.on ?? today,
    assessed: a !== undefined,
    freedoms: Object.fromEntries(FREEDOMS.map((f) => [f, { reached: growth?.freedoms[f]?.reached ?? false, note: growth?.freedoms[f]?.note ?? '' }])) as PersonalDraft['freedoms'],
  }
}

/** The draft as stored: text cleaned as every edit is, empty freedoms left out. */
export function growthOf(draft: PersonalDraft): SellerGrowth {
  const freedoms: SellerGrowth['freedoms'] = {}
  for (const f of FREEDOMS) {
    const { reached, note } = draft.freedoms[f]
    const cleaned = cleanText(note, 'multi')
    if (reached || cleaned.trim() !== '') freedoms[f] = { reached, note: cleaned }
  }
  return {
    ...(draft.assessed ? { assessment: { scores: { ...draft.scores }, by: draft.by, assessor: cleanText(draft.assessor).trim(), on: draft.on } } : {}),
    freedoms,
  }
}
