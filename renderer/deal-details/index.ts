/** The deal's own facts: the details form, its action, and the fields the new-deal form reuses. */
export { DealDetailsDialog } from './DealDetailsDialog'
export { DealFactsFields } from './DealFactsFields'
export { draftOf, factsFromDraft } from './facts-draft'
export { openDealDetails } from './deal-details-store'
export { dealDetailsActions } from './actions'
