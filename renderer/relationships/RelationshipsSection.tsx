import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newRelationship, type Stakeholder } from '@shared/model'
import { useWorkspaceStore } from '../state/workspace-store'
import { AssessmentEditor } from './AssessmentEditor'
import { edit } from './relationship-edits'

/**
 * The assessments of one stakeholder: one per owning seller (an owner not yet assessed shows
 * an empty assessment ready to score) plus any other seller already assessed.
 */
export function RelationshipsSection({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation('relationships')
  const roster = useWorkspaceStore((s) => s.roster)
  const [choice, setChoice] = useState('')
  const nameOf = (id: string) => roster.find((r) => r.id === id)?.name ?? t('unknownSeller')
  const assessed = new Set(stakeholder.relationships.map((r) => r.sellerId))
  const rows = [
    ...stakeholder.relationships,
    ...stakeholder.ownerIds.filter((id) => !assessed.has(id)).map(newRelationship),
  ]
  const shown = new Set(rows.map((r) => r.sellerId))
  const others = roster.filter((r) => !r.archived && !shown.has(r.id))
  return (
    <section className="inspector-section relationships-section" data-testid="relationships-section">
      <h3>{t('section')}</h3>
      {rows.length === 0 && <p className="muted">{t('noOwners')}</p>}
      {rows.map((r) => (
        <AssessmentEditor key={r.sellerId} stakeholder={stakeholder} relationship={r} sellerName={nameOf(r.sellerId)} />
      ))}
      {others.length > 0 && (
        <div className="assess-other">
          <select aria-label={t('assessSeller')} value={choice} data-testid="assess-seller" onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('chooseSeller')}</option>
            {others.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <button type="button" disabled={!choice} onClick={() => {
            edit({ type: 'add-relationship', stakeholderId: stakeholder.id, sellerId: choice })
            setChoice('')
          }}>{t('assess')}</button>
        </div>
      )}
    </section>
  )
}
