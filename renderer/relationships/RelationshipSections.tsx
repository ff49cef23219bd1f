import { useDealStore } from '../state/deal-store'
import { ContactLog } from './ContactLog'
import { NextActions } from './NextActions'
import { RelationshipsSection } from './RelationshipsSection'
import './relationships.css'

/** Everything about our relationships with one person, for the inspector. */
export function RelationshipSections({ id }: { id: string }) {
  const s = useDealStore((st) => st.deal?.stakeholders.find((x) => x.id === id))
  if (!s) return null
  return (
    <div className="relationship-sections">
      <RelationshipsSection stakeholder={s} />
      <ContactLog stakeholder={s} />
      <NextActions stakeholder={s} />
    </div>
  )
}
