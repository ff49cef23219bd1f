import { memo, useMemo } from 'react'
import type { Node, NodeProps } from '@xyflow/react'
import { cardSize } from '@shared/card-size'
import { departmentKey } from '@shared/departments'
import type { Stakeholder } from '@shared/model'

/**
 * Departments drawn as labelled boxes behind their people, so the breadth of our coverage
 * is visible at a glance. They follow the cards; they are not part of the deal file.
 */
export interface DepartmentData extends Record<string, unknown> {
  label: string
  count: number
  width: number
  height: number
  hue: number
}
export type DepartmentNode = Node<DepartmentData, 'department'>

const PAD = 24
const LABEL = 34

export function departmentBoxes(stakeholders: readonly Stakeholder[]): DepartmentNode[] {
  const groups = new Map<string, { label: string; members: Stakeholder[] }>()
  for (const s of stakeholders) {
    const key = departmentKey(s.department)
    if (!key) continue
    const g = groups.get(key)
    if (g) g.members.push(s)
    else groups.set(key, { label: s.department.trim(), members: [s] })
  }
  let index = 0
  return [...groups.entries()].map(([key, g]) => {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
    for (const s of g.members) {
      const size = cardSize(s.influence)
      minX = Math.min(minX, s.position.x)
      minY = Math.min(minY, s.position.y)
      maxX = Math.max(maxX, s.position.x + size.width)
      maxY = Math.max(maxY, s.position.y + size.height)
    }
    const width = maxX - minX + PAD * 2
    const height = maxY - minY + PAD + LABEL
    return {
      id: `department:${key}`,
      type: 'department' as const,
      position: { x: minX - PAD, y: minY - LABEL },
      data: { label: g.label, count: g.members.length, width, height, hue: (index++ * 67) % 360 },
      width,
      height,
      measured: { width, height },
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      zIndex: -1,
    }
  })
}

export function useDepartmentNodes(stakeholders: readonly Stakeholder[] | undefined): DepartmentNode[] {
  return useMemo(() => (stakeholders ? departmentBoxes(stakeholders) : []), [stakeholders])
}

export const DepartmentGroup = memo(function DepartmentGroup({ data }: NodeProps<DepartmentNode>) {
  return (
    <div className="department-group" style={{ width: data.width, height: data.height, ['--dept-hue' as string]: data.hue }} data-testid="department-group">
      <span className="department-label">
        {data.label} <span className="department-count">· {data.count}</span>
      </span>
    </div>
  )
})
