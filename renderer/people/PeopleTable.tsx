import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { personName } from '@shared/i18n'
import type { PasteRefusal } from '@shared/import'
import { formatNumber } from '../i18n/format'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { CellEditor } from './CellEditor'
import { cellValue, PEOPLE_COLUMNS, type PeopleColumn } from './columns'
import { importPastedRows, looksLikeRows } from './paste-rows'
import { addPersonNamed, applyCellEdit, type CellEdit, type EditRefusal } from './people-commands'
import { PeopleRow } from './PeopleRow'
import { useAccountStore } from '../accounts'
import './people.css'

interface Cell { row: number; col: number }

const cellId = (row: number, col: number) => `people-cell-${row}-${col}`

function editFor(column: PeopleColumn, value: string): CellEdit {
  switch (column.kind) {
    case 'text': return { field: column.key, value } as CellEdit
    case 'enum': return { field: column.key, value } as CellEdit
    case 'person': return { field: 'reportsTo', value: value || null }
    case 'seller': return { field: 'owner', value: value || null }
  }
}

/**
 * The deal's people as a spreadsheet: arrows move the active cell, Enter/F2 or typing edits,
 * Enter commits and moves down, Tab/Shift+Tab move right/left, Esc cancels. Each commit is
 * one undo step. Rows pasted from Excel or Google Sheets open the CSV import's preview.
 */
export function PeopleTable() {
  const { t } = useTranslation(['people', 'map'])
  const deal = useDealStore((s) => s.deal)
  const roster = useWorkspaceStore((s) => s.roster)
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 })
  const [editing, setEditingState] = useState<{ draft: string } | null>(null)
  // The editor's blur commits too: this says synchronously whether an edit is still open, so
  // Enter (which commits, then moves the focus and so blurs the editor) never commits twice.
  const editingRef = useRef<{ draft: string } | null>(null)
  const setEditing = (next: { draft: string } | null) => {
    editingRef.current = next
    setEditingState(next)
  }
  const [message, setMessage] = useState<string | null>(null)
  const gridRef = useRef<HTMLTableElement>(null)
  const people = useMemo(() => deal?.stakeholders ?? [], [deal?.stakeholders])
  const links = deal?.links
  const rowCount = people.length + 1

  const managerOf = useMemo(() => {
    const map = new Map<string, string>()
    for (const l of links ?? []) if (l.kind === 'reports-to' && !map.has(l.from)) map.set(l.from, l.to)
    return map
  }, [links])
  // An unnamed seat is shown as one ("COO (Not yet identified)"), never as a blank manager.
  const names = useMemo(() => new Map(people.map((p) => [p.id, personName(p, t)])), [people, t])
  const sellerNames = useMemo(() => new Map(roster.map((s) => [s.id, s.name])), [roster])
  const departments = useMemo(() => [...new Set(people.map((p) => p.department.trim()).filter(Boolean))].sort(), [people])

  // Keep the active cell on the table when rows go (undo, delete on the map).
  const row = Math.min(active.row, rowCount - 1)
  const person = people[row] ?? null
  const column = PEOPLE_COLUMNS[active.col]

  // The active row is the selected person, so the inspector beside the table shows them.
  useEffect(() => {
    if (person) useDealStore.getState().select([person.id])
  }, [person])
  useEffect(() => {
    document.getElementById(cellId(row, active.col))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  }, [row, active.col])

  const refusalText = useCallback((r: EditRefusal): string => {
    switch (r.code) {
      case 'empty-name': return t('people:refused.emptyName')
      case 'self-manager': return t('people:refused.selfManager')
      case 'reports-to-loop': return t('people:refused.loop', { manager: r.manager, person: r.person })
      case 'refused': return t('people:refused.other', { message: r.message })
    }
  }, [t])
  const pasteRefusalText = (r: PasteRefusal): string => {
    switch (r.reason) {
      case 'empty': return t('people:paste.empty')
      case 'too-large': return t('people:paste.tooLarge', { size: formatNumber(r.bytes / 1024 / 1024, { maximumFractionDigits: 1 }), limit: formatNumber(r.limitBytes / 1024 / 1024) })
      case 'too-many-rows': return t('people:paste.tooManyRows', { rows: formatNumber(r.rows), limit: formatNumber(r.limitRows) })
      case 'unreadable': return t('people:paste.unreadable')
    }
  }

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true })
  const move = (dRow: number, dCol: number) => {
    setActive((a) => {
      let r = Math.min(a.row, rowCount - 1) + dRow
      let c = a.col + dCol
      if (c >= PEOPLE_COLUMNS.length) { c = 0; r++ } else if (c < 0) { c = PEOPLE_COLUMNS.length - 1; r-- }
      return { row: Math.max(0, Math.min(rowCount - 1, r)), col: c }
    })
  }
  const startEditing = (initial?: string) => {
    if (!person && column.key !== 'name') {
      setMessage(t('people:refused.nameFirst'))
      return
    }
    setMessage(null)
    const current = person ? cellValue(person, column.key, managerOf) : ''
    setEditing({ draft: column.kind === 'text' && initial !== undefined ? initial : current })
  }
  /** Commit the editor's value; 'refused' leaves the editor open with the reason. */
  const commit = (): 'done' | 'added' | 'refused' => {
    const open = editingRef.current
    if (!open) return 'done'
    let outcome: 'done' | 'added' = 'done'
    if (!person) {
      if (open.draft.trim() === '') { setEditing(null); return 'done' }
      const added = addPersonNamed(open.draft)
      if (!added.ok) { setMessage(refusalText(added.refusal)); return 'refused' }
      outcome = 'added'
    } else {
      const result = applyCellEdit(person.id, editFor(column, open.draft))
      if (!result.ok) { setMessage(refusalText(result.refusal)); return 'refused' }
    }
    setMessage(null)
    setEditing(null)
    return outcome
  }
  const cancel = () => {
    setEditing(null)
    setMessage(null)
    focusGrid()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.nativeEvent.isComposing) return
    const mod = e.ctrlKey || e.metaKey
    if (editing) {
      if (e.key === 'Enter' && !e.altKey) {
        e.preventDefault()
        const done = commit()
        // A person typed in the last row: the next empty row is ready for the next name.
        if (done === 'added') setActive({ row: people.length + 1, col: 0 })
        else if (done === 'done') move(e.shiftKey ? -1 : 1, 0)
        if (done !== 'refused') focusGrid()
      } else if (e.key === 'Tab') {
        e.preventDefault()
        if (commit() !== 'refused') { move(0, e.shiftKey ? -1 : 1); focusGrid() }
      } else if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        cancel()
      }
      return
    }
    const handled = (() => {
      switch (e.key) {
        case 'ArrowUp': move(-1, 0); return true
        case 'ArrowDown': move(1, 0); return true
        case 'ArrowLeft': move(0, -1); return true
        case 'ArrowRight': move(0, 1); return true
        case 'Tab': move(0, e.shiftKey ? -1 : 1); return true
        case 'Home': setActive({ row: mod ? 0 : row, col: 0 }); return true
        case 'End': setActive({ row: mod ? rowCount - 1 : row, col: PEOPLE_COLUMNS.length - 1 }); return true
        case 'PageDown': move(10, 0); return true
        case 'PageUp': move(-10, 0); return true
        case 'Enter': case 'F2': startEditing(); return true
        case 'Delete': case 'Backspace':
          // Clears the cell, never deletes the person (the map's Delete shortcut stays on the map).
          if (person && column.key !== 'name' && column.kind !== 'enum') {
            const result = applyCellEdit(person.id, editFor(column, ''))
            setMessage(result.ok ? null : refusalText(result.refusal))
          }
          return true
      }
      if (e.key.length === 1 && !mod && !e.altKey) { startEditing(e.key); return true }
      return false
    })()
    if (handled) e.preventDefault()
  }

  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain')
    // The map's own paste must not also run: this paste belongs to the table.
    e.stopPropagation()
    if (!looksLikeRows(text)) {
      if (editing) return // one value into the open editor, as typed
      e.preventDefault()
      if (person && column.kind === 'text') {
        const result = applyCellEdit(person.id, editFor(column, text.replace(/[\r\n]+$/, '')))
        setMessage(result.ok ? null : refusalText(result.refusal))
      } else if (!person && column.key === 'name' && text.trim()) {
        const added = addPersonNamed(text)
        setMessage(added.ok ? null : refusalText(added.refusal))
      }
      return
    }
    e.preventDefault()
    setEditing(null)
    const refusal = importPastedRows(text)
    setMessage(refusal ? pasteRefusalText(refusal) : null)
  }

  const onCopy = (e: ClipboardEvent<HTMLTableElement>) => {
    if (editing) return
    e.stopPropagation()
    e.preventDefault()
    const shown = (document.getElementById(cellId(row, active.col))?.textContent ?? '')
    e.clipboardData.setData('text/plain', person ? shown : '')
  }

  if (!deal) return null
  const ownerNames = (ids: readonly string[]) => ids.map((id) => sellerNames.get(id) ?? '').filter(Boolean).join(', ')
  const managerName = (id: string) => {
    const m = managerOf.get(id)
    return m ? names.get(m) ?? '' : ''
  }
  const editor = editing && (
    <CellEditor column={column} person={person} draft={editing.draft} onDraft={(draft) => setEditing({ draft })}
      people={people} sellers={roster} departments={departments} label={t(`people:column.${column.key}`)}
      onBlur={() => { if (editingRef.current) commit() }} />
  )

  return (
    <section className="people-view" data-testid="people-table" aria-label={t('people:title')}>
      <header className="people-header">
        <h2>{t('people:title')}</h2>
        <span className="muted">{t('people:count', { count: people.length })}</span>
        <span className="people-hint muted">{t('people:hint')}</span>
        <button type="button" className="people-add-from-account" data-testid="people-add-from-account" onClick={() => useAccountStore.getState().setAddOpen(true)}>{t('accounts:actionAdd')}</button>
      </header>
      <div className="people-scroll">
        <table
          ref={gridRef}
          role="grid"
          tabIndex={0}
          className="people-grid"
          aria-label={t('people:title')}
          aria-rowcount={rowCount + 1}
          aria-colcount={PEOPLE_COLUMNS.length}
          aria-activedescendant={cellId(row, active.col)}
          data-testid="people-grid"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
          onMouseDown={(e) => {
            const td = (e.target as HTMLElement).closest('td[role="gridcell"]')
            if (!td || td.classList.contains('editing')) return
            const r = Number(td.id.split('-')[2])
            const c = Number(td.id.split('-')[3])
            if (editingRef.current && commit() === 'refused') return e.preventDefault()
            setActive({ row: r, col: c })
          }}
          onDoubleClick={(e) => {
            if ((e.target as HTMLElement).closest('td.editing')) return
            if ((e.target as HTMLElement).closest('td[role="gridcell"]')) startEditing()
          }}
        >
          <thead>
            <tr aria-rowindex={1}>
              {PEOPLE_COLUMNS.map((c, i) => <th key={c.key} scope="col" role="columnheader" aria-colindex={i + 1} className={`col-${c.key}`}>{t(`people:column.${c.key}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => (
              <PeopleRow key={p.id} index={i} person={p} managerName={managerName(p.id)} ownerNames={ownerNames(p.ownerIds)}
                activeCol={i === row ? active.col : -1} editor={i === row ? editor : null} cellId={cellId} />
            ))}
            <PeopleRow index={people.length} person={null} managerName="" ownerNames="" activeCol={row === people.length ? active.col : -1}
              editor={row === people.length ? editor : null} cellId={cellId} />
          </tbody>
        </table>
      </div>
      <p className={`people-message${message ? ' shown' : ''}`} role="alert" data-testid="people-message">{message}</p>
    </section>
  )
}
