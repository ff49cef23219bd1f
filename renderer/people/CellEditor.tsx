import { useLayoutEffect, useRef } from 'react'
import type { Stakeholder, Seller } from '@shared/model'
import { useTranslation } from 'react-i18next'
import { personName } from '@shared/i18n'
import type { PeopleColumn } from './columns'

export interface CellEditorProps {
  column: PeopleColumn
  person: Stakeholder | null
  draft: string
  onDraft(value: string): void
  people: readonly Stakeholder[]
  sellers: readonly Seller[]
  departments: readonly string[]
  onBlur(): void
  label: string
}

/** The editor inside the active cell: a text box, or a select for a choice from a list. */
export function CellEditor({ column, person, draft, onDraft, people, sellers, departments, onBlur, label }: CellEditorProps) {
  const { t } = useTranslation(['people', 'map'])
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.focus()
    // Typing a letter starts with that letter, caret after it; Enter/F2 keep the text, caret at the end.
    if (el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length)
  }, [])
  const common = { ref, className: 'cell-editor', 'aria-label': label, 'data-testid': 'cell-editor', onBlur }
  if (column.kind === 'text') {
    return (
      <>
        <input {...common} type="text" value={draft} onChange={(e) => onDraft(e.target.value)} list={column.key === 'department' ? 'people-departments' : undefined} />
        {column.key === 'department' && <datalist id="people-departments">{departments.map((d) => <option key={d} value={d} />)}</datalist>}
      </>
    )
  }
  if (column.kind === 'enum') {
    return (
      <select {...common} value={draft} onChange={(e) => onDraft(e.target.value)}>
        {column.values.map((v) => <option key={v} value={v}>{t(`map:${column.key}.${v}`)}</option>)}
      </select>
    )
  }
  if (column.kind === 'person') {
    // No self: a person cannot report to themselves (a loop through others is refused on commit, with who closes it).
    const others = people.filter((p) => p.id !== person?.id).slice().sort((a, b) => a.name.localeCompare(b.name))
    return (
      <select {...common} value={draft} onChange={(e) => onDraft(e.target.value)}>
        <option value="">{t('people:noManager')}</option>
        {others.map((p) => <option key={p.id} value={p.id}>{!p.name.trim() ? personName(p, t) : p.title ? `${p.name} · ${p.title}` : p.name}</option>)}
      </select>
    )
  }
  const shown = sellers.filter((s) => !s.archived || s.id === draft)
  return (
    <select {...common} value={draft} onChange={(e) => onDraft(e.target.value)}>
      <option value="">{t('people:noOwner')}</option>
      {shown.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
    </select>
  )
}
