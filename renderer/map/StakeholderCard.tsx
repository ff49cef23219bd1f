import { memo, useContext, useMemo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { useWorkspaceStore } from '../state/workspace-store'
import type { Stakeholder } from '@shared/model'
import type { StakeholderNode } from './derive-graph'
import { InnerCircleIcon, RoleIcon, StanceIcon } from './icons'
import { StrengthSlot } from './StrengthSlot'
import { initialsOf } from '../ui/initials'
import { cardLabels, CardLabelsContext, useCompact, type CardLabels } from './map-detail'
import { LogContactButton } from '../relationships'
import { BranchToggle } from './BranchToggle'
import { InlineNameEditor } from './inline-name-editor'
import './capture.css'
import { startEditing, useCaptureStore } from './capture'
import { useCardPerson } from './map-deal'


function OwnerChips({ ownerIds }: { ownerIds: string[] }) {
  const roster = useWorkspaceStore((s) => s.roster)
  if (ownerIds.length === 0) return null
  return (
    <span className="owner-chips">
      {ownerIds.slice(0, 4).map((id) => {
        const seller = roster.find((r) => r.id === id)
        return (
          <span key={id} className="owner-chip" title={seller?.name ?? id}>
            {seller ? initialsOf(seller.name) : '?'}
          </span>
        )
      })}
      {ownerIds.length > 4 && <span className="owner-chip more">+{ownerIds.length - 4}</span>}
    </span>
  )
}

/** A placeholder has no name yet: its card says so ("Not yet identified"). */
function displayName(s: { name: string; placeholder?: true }, labels: CardLabels): string {
  return s.placeholder && !s.name ? labels.t('card.placeholderName') : s.name
}

function editorLabels(labels: CardLabels) {
  const { t } = labels
  return { name: t('field.name'), title: t('field.title'), department: t('field.department'), placeholderName: t('card.placeholderName'), keysHint: t('card.captureKeys') }
}

type CardProps = NodeProps<StakeholderNode> & { labels: CardLabels }

/**
 * One person on the map: the full card, or zoomed out the compact one. Memoised: it
 * re-renders only when its own node changes (or the level of detail or language does).
 */
export const StakeholderCard = memo(function StakeholderCard(props: NodeProps<StakeholderNode>) {
  const labels = useContext(CardLabelsContext)
  const compact = useCompact()
  if (!labels) return <SelfTranslatedCard {...props} />
  return compact ? <CompactCard {...props} labels={labels} /> : <FullCard {...props} labels={labels} />
})

/** A card outside the editing map (no labels handed down): translates for itself. */
function SelfTranslatedCard(props: NodeProps<StakeholderNode>) {
  const { t } = useTranslation('map')
  const { t: tr } = useTranslation('relationships')
  const labels = useMemo(() => cardLabels(t, tr), [t, tr])
  return <FullCard {...props} labels={labels} />
}

function cardClass(base: string, s: Stakeholder, { data, selected, dragging }: NodeProps<StakeholderNode>): string {
  return [
    base,
    `stance-${s.stance}`,
    `influence-${s.influence}`,
    selected ? 'selected' : '',
    dragging ? 'dragging' : '',
    data.dimmed ? 'dimmed' : '',
    s.innerCircle ? 'inner-circle' : '',
    s.placeholder ? 'placeholder' : '',
  ].join(' ')
}

/**
 * Zoomed out: one box the size of the full card (lines and layout are unchanged) with the
 * stance colour and shape, the name in type large enough to read at that zoom, and the
 * strength dot. The node keeps the person's name as its accessible name. Its handles are
 * hidden (dots this small could not be grabbed) but there: React Flow reads a node's handle
 * places from the page when it measures the node, and a node measured without them draws no
 * lines at all (a 150-person map opened zoomed out showed none).
 */
function CompactCard(props: CardProps) {
  const { data, labels } = props
  const s = useCardPerson(data.stakeholder)
  const editing = useCaptureStore((st) => st.editing?.id === s.id)
  const name = displayName(s, labels)
  return (
    <div className={cardClass('stakeholder-card compact', s, props)} data-testid="stakeholder-card" data-stakeholder-id={s.id} title={`${name} · ${labels.stance[s.stance]}`}
      onDoubleClick={() => startEditing(s.id, false)}>
      <StanceIcon stance={s.stance} size={36} />
      {editing ? <InlineNameEditor stakeholder={s} labels={editorLabels(labels)} compact /> : <span className="card-name">{name}</span>}
      <StrengthSlot stakeholderId={s.id} labels={labels} compact />
      <Handle type="target" position={Position.Top} className="card-handle compact-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className="card-handle compact-handle" isConnectable={false} />
    </div>
  )
}

function FullCard(props: CardProps) {
  const { data, selected, labels } = props
  const { t } = labels
  const s = useCardPerson(data.stakeholder)
  const connectFrom = t('card.connectFrom', { name: s.name })
  const editing = useCaptureStore((st) => st.editing?.id === s.id)
  return (
    <div className={cardClass('stakeholder-card', s, props)} data-testid="stakeholder-card" data-stakeholder-id={s.id}
      onDoubleClick={() => startEditing(s.id, false)}>
      <Handle id="top" type="target" position={Position.Top} className="card-handle" aria-label={t('card.connectInto', { name: s.name })} />
      <Handle id="left" type="source" position={Position.Left} className="card-handle" aria-label={connectFrom} />
      <Handle id="right" type="source" position={Position.Right} className="card-handle" aria-label={connectFrom} />
      <div className="card-stance-bar" title={labels.stance[s.stance]}>
        <StanceIcon stance={s.stance} />
        <span className="card-stance-label">{labels.stance[s.stance]}</span>
        {s.innerCircle && (
          <span className="card-inner-circle" title={t('field.innerCircle')}>
            <InnerCircleIcon />
            <span className="sr-only">{t('field.innerCircle')}</span>
          </span>
        )}
        {data.inCycle && (
          <span className="card-cycle-warning" title={t('warning.cycleCard')} role="img" aria-label={t('warning.cycleCard')}>
            ⟳
          </span>
        )}
        <StrengthSlot stakeholderId={s.id} labels={labels} />
      </div>
      {editing ? <InlineNameEditor stakeholder={s} labels={editorLabels(labels)} /> : (
        <div className="card-body">
          <div className="card-name">{displayName(s, labels)}</div>
          <div className="card-title">{s.title || '\u00a0'}</div>
          <div className="card-department">{s.department || '\u00a0'}</div>
        </div>
      )}
      <div className="card-footer">
        <span className={`role-badge role-${s.buyingRole}`} title={t(`buyingRole.${s.buyingRole}`)}>
          <RoleIcon role={s.buyingRole} />
          {t(`buyingRoleShort.${s.buyingRole}`)}
        </span>
        {s.favoredCompetitor ? (
          <span className="competitor-tag" title={t('field.favoredCompetitor')}>
            {s.favoredCompetitor}
          </span>
        ) : null}
        <OwnerChips ownerIds={s.ownerIds} />
        {selected && <LogContactButton stakeholderId={s.id} />}
        <BranchToggle id={s.id} name={s.name} t={t} />
      </div>
      <Handle id="bottom" type="source" position={Position.Bottom} className="card-handle" aria-label={connectFrom} />
    </div>
  )
}
