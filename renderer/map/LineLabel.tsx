import { useTranslation } from 'react-i18next'
import { EdgeLabelRenderer } from '@xyflow/react'
import { LIMITS } from '@shared/model'
import type { Point } from '@shared/edge-routing'
import { commitLineLabel, editLineLabel, stopEditingLineLabel, useLineLabelEditing } from './line-label-editing'

export type LabelAnchor = Point & { along: 'across' | 'upright' | 'slanted' }

interface Props {
  linkId: string
  label: string | undefined
  at: LabelAnchor
  kind: string
}

/** Beside the line, not on it, so a short line between two close cards still shows. */
const OFFSET: Record<LabelAnchor['along'], string> = {
  across: 'translate(-50%, calc(-100% - 3px))',
  upright: 'translate(5px, -50%)',
  slanted: 'translate(-50%, -50%)',
}

/**
 * A line's few words ("golf partner") drawn halfway along it, or the field to type them in
 * after a double-click on the line. Enter or leaving the field keeps the text; Esc drops it.
 */
export function LineLabel({ linkId, label, at, kind }: Props) {
  const { t } = useTranslation('map')
  const editing = useLineLabelEditing((s) => s.editingId === linkId)
  if (!editing && !label) return null
  return (
    <EdgeLabelRenderer>
      <div
        className={`line-label line-label-${kind} nodrag nopan${editing ? ' editing' : ''}`}
        style={{ transform: `translate(${at.x}px, ${at.y}px) ${editing ? OFFSET.slanted : OFFSET[at.along]}` }}
        data-testid="line-label"
        data-link-id={linkId}
        onDoubleClick={() => editLineLabel(linkId)}
      >
        {editing ? (
          <input
            autoFocus
            className="line-label-input"
            data-testid="line-label-input"
            aria-label={t('line.labelField')}
            placeholder={t('line.labelPlaceholder')}
            defaultValue={label ?? ''}
            maxLength={LIMITS.linkLabel}
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => {
              e.stopPropagation()
              if (e.key === 'Enter') commitLineLabel(linkId, e.currentTarget.value)
              else if (e.key === 'Escape') stopEditingLineLabel()
            }}
            onBlur={(e) => useLineLabelEditing.getState().editingId === linkId && commitLineLabel(linkId, e.currentTarget.value)}
          />
        ) : (
          <span title={t('line.labelHint')}>{label}</span>
        )}
      </div>
    </EdgeLabelRenderer>
  )
}
