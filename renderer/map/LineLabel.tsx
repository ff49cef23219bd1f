import { useTranslation } from 'react-i18next'
import { EdgeLabelRenderer } from '@xyflow/react'
import { LIMITS } from '@shared/model'
import type { LabelPlace } from '@shared/line-label-place'
import { commitLineLabel, editLineLabel, stopEditingLineLabel, useLineLabelEditing } from './line-label-editing'

interface Props {
  linkId: string
  label: string | undefined
  /** The label's centre, placed clear of the line's two cards (shared/line-label-place.ts). */
  at: LabelPlace
  kind: string
}

/**
 * A line's few words ("golf partner") drawn beside the middle of the line, off its cards, or the field to type them in
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
        style={{ transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%)` }}
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
