import { memo } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import type { SellerNode } from './coverage-graph'

/** A seller in the coverage overlay, with how many people they own. */
export const SellerBadge = memo(function SellerBadge({ data }: NodeProps<SellerNode>) {
  const { t } = useTranslation('meeting')
  return (
    <div className="meeting-seller" data-testid="meeting-seller">
      <span className="meeting-seller-name">{data.name}</span>
      <span className="meeting-seller-count">{t('owns', { count: data.owned })}</span>
      <Handle type="source" position={Position.Bottom} className="card-handle" isConnectable={false} />
    </div>
  )
})
