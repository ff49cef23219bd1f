import { memo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stakeholder } from '@shared/model'
import { PEOPLE_COLUMNS } from './columns'

export interface PeopleRowProps {
  index: number
  /** Null for the last, empty row where a new person is typed. */
  person: Stakeholder | null
  managerName: string
  ownerNames: string
  /** The active column when this row holds the active cell, else -1. */
  activeCol: number
  /** The editor, when the active cell of this row is being edited. */
  editor: ReactNode
  cellId(row: number, col: number): string
}

/**
 * One person's row. Memoised on the person object (commands share unchanged people), so an
 * edit or a move of the active cell re-renders one or two rows, not a thousand.
 */
export const PeopleRow = memo(function PeopleRow({ index, person, managerName, ownerNames, activeCol, editor, cellId }: PeopleRowProps) {
  const { t } = useTranslation(['people', 'map'])
  const text = (key: (typeof PEOPLE_COLUMNS)[number]['key']): string => {
    if (!person) return key === 'name' ? t('people:newRow') : ''
    switch (key) {
      case 'name': case 'title': case 'department': return person[key]
      case 'reportsTo': return managerName
      case 'owner': return ownerNames
      default: return t(`map:${key}.${person[key]}`)
    }
  }
  return (
    <tr className={person ? 'people-row' : 'people-row people-new-row'} data-testid={person ? 'people-row' : 'people-new-row'} data-person-id={person?.id} aria-rowindex={index + 2}>
      {PEOPLE_COLUMNS.map((column, col) => {
        const active = col === activeCol
        const value = text(column.key)
        const unknown = person && (column.kind === 'enum' && person[column.key] === 'unknown')
        return (
          <td
            key={column.key}
            id={cellId(index, col)}
            role="gridcell"
            aria-colindex={col + 1}
            aria-selected={active}
            data-col={column.key}
            title={person && value ? value : undefined}
            className={`people-cell${active ? ' active' : ''}${editor && active ? ' editing' : ''}${unknown || !person ? ' muted' : ''}`}
          >
            {active && editor ? editor : value}
          </td>
        )
      })}
    </tr>
  )
})
