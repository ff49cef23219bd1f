import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * Inspector fields. Typing dispatches at once (so the file is never behind), folded into one
 * undo step per field visit; a value the domain refuses stays in the field with a message
 * and is not applied.
 */
let visitSeq = 0

export interface TextFieldProps {
  label: string
  value: string
  /** Apply the value; return an error message to refuse it. */
  onChange(value: string, mergeKey: string): string | undefined
  onDone?(): void
  multiline?: boolean
  maxLength?: number
  list?: string
  testId?: string
  required?: boolean
}

export function TextField({ label, value, onChange, onDone, multiline, maxLength = 200, list, testId, required }: TextFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string>()
  const focused = useRef(false)
  const visit = useRef(0)
  // Follow outside changes (undo, another panel) unless the user is typing here.
  useEffect(() => {
    if (!focused.current) {
      setDraft(value)
      setError(undefined)
    }
  }, [value])
  const props = {
    id,
    value: draft,
    maxLength,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-required': required,
    'data-testid': testId,
    onFocus: () => {
      focused.current = true
      visit.current = ++visitSeq
    },
    onBlur: () => {
      focused.current = false
      if (error) {
        // Leave the refused text visible so the user sees what was wrong; the deal keeps the old value.
        return
      }
      onDone?.()
    },
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value
      setDraft(next)
      setError(onChange(next, `field-${visit.current}`))
    },
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={4} {...props} /> : <input type="text" list={list} {...props} />}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}

export function SelectField<T extends string>({ label, value, options, onChange, testId }: {
  label: string
  value: T | ''
  options: Array<{ value: T | ''; label: string }>
  onChange(value: T | ''): void
  testId?: string
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T | '')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function CheckboxField({ label, checked, onChange, testId, hint }: { label: string; checked: boolean; onChange(v: boolean): void; testId?: string; hint?: ReactNode }) {
  return (
    <div className="field field-checkbox">
      <label>
        <input type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {hint}
    </div>
  )
}
