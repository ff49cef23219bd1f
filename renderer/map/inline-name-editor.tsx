import { useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import type { Stakeholder } from '@shared/model'
import { commitAndNext, leaveEditing, useCaptureStore, writeAsTyped, type CaptureDraft, type CaptureField } from './capture'

const FIELDS: readonly CaptureField[] = ['name', 'title', 'department']

export interface InlineEditorLabels {
  name: string
  title: string
  department: string
  placeholderName: string
  /** Enter, Shift+Enter, Ctrl+Enter, Tab and Esc, in words. */
  keysHint: string
}

/**
 * The name, title and department typed on the card itself, as the meeting talks: Enter
 * keeps the person and opens the next colleague (Shift+Enter: a report of this person,
 * Ctrl/⌘+Enter: one level up), Tab and Shift+Tab move between the three fields (round the
 * card), Esc leaves. Zoomed out (compact) only the name is shown.
 */
export function InlineNameEditor({ stakeholder, labels, compact = false }: { stakeholder: Stakeholder; labels: InlineEditorLabels; compact?: boolean }) {
  const editing = useCaptureStore((s) => s.editing)
  // Only what was typed here: a field left alone shows, and leaves the card as, the person's
  // value now, so a colleague's edit of it while this card is open is not written back over
  // (docs/collaboration-app.md, "Who does what": the card's own editor).
  const [typedFields, setTyped] = useState<Partial<CaptureDraft>>(() => {
    const typed = useCaptureStore.getState().typedAhead
    if (!typed) return {}
    return editing?.field === 'title' ? { title: typed } : { name: typed }
  })
  const draft: CaptureDraft = {
    name: typedFields.name ?? stakeholder.name,
    title: typedFields.title ?? stakeholder.title,
    department: typedFields.department ?? stakeholder.department,
  }
  const draftRef = useRef(draft)
  draftRef.current = draft
  const refs = useRef<Partial<Record<CaptureField, HTMLInputElement | null>>>({})
  const shown = compact ? FIELDS.slice(0, 1) : FIELDS
  const first = editing?.field && shown.includes(editing.field) ? editing.field : 'name'

  useLayoutEffect(() => {
    const input = refs.current[first]
    if (!input) return
    input.focus({ preventScroll: true })
    // Typed ahead: the caret after those letters; otherwise select the whole field, so the
    // first letter typed replaces "New person".
    if (useCaptureStore.getState().typedAhead) input.setSelectionRange(input.value.length, input.value.length)
    else input.select()
    useCaptureStore.setState({ mounted: true, typedAhead: '', flush: () => leaveEditing(stakeholder.id, draftRef.current) })
    // Once per editing session (the seq), not per keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing?.seq])

  const id = stakeholder.id
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Every key typed here belongs to the text; the map's own keys (arrows, Enter) stay out.
    e.stopPropagation()
    if (e.key === 'Enter') {
      e.preventDefault()
      commitAndNext(id, draft, e.shiftKey ? 'report' : e.ctrlKey || e.metaKey ? 'up' : 'sibling')
    } else if (e.key === 'Escape') {
      e.preventDefault()
      leaveEditing(id, draft, 'escape')
      focusCard(id)
    } else if (e.key === 'Tab') {
      e.preventDefault()
      const at = shown.indexOf((e.target as HTMLInputElement).dataset.field as CaptureField)
      const next = shown[(at + (e.shiftKey ? shown.length - 1 : 1)) % shown.length]
      refs.current[next]?.focus()
      refs.current[next]?.select()
    }
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return
    leaveEditing(id, draft)
  }
  const set = (field: CaptureField, value: string) => {
    setTyped((d) => ({ ...d, [field]: value }))
    writeAsTyped(id, field, value)
  }

  return (
    <div className="card-body inline-editor nodrag nopan nowheel" data-testid="inline-editor" onKeyDown={onKeyDown} onBlur={onBlur}
      onDoubleClick={(e) => e.stopPropagation()}>
      {shown.map((field) => (
        <input
          key={field}
          ref={(el) => { refs.current[field] = el }}
          className={`inline-field card-${field}`}
          data-field={field}
          data-testid={`inline-${field}`}
          aria-label={labels[field]}
          title={labels.keysHint}
          placeholder={field === 'name' && stakeholder.placeholder ? labels.placeholderName : labels[field]}
          value={draft[field]}
          maxLength={200}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => set(field, e.target.value)}
        />
      ))}
    </div>
  )
}

/** Back to the card, so the map's keys (arrows, Enter, N) work again after Esc. */
function focusCard(id: string): void {
  requestAnimationFrame(() => {
    const node = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).find((n) => n.dataset.id === id)
    node?.focus({ preventScroll: true })
  })
}
