import { useEffect, useId, useState } from 'react'
import { isRealDate } from '@shared/model'

/**
 * A date input that refuses a bad date at the field: the value is applied only when it is a
 * real date and not after `max`; otherwise the message stays beside the field.
 */
export function DateField({ label, value, max, futureMessage, badMessage, onCommit, onValidity, testId, allowEmpty }: {
  label: string
  value: string
  max?: string
  futureMessage: string
  badMessage: string
  /** Called with a valid date, or '' when `allowEmpty` and the field is cleared. */
  onCommit(value: string): void
  /** Told whether the text in the field is acceptable, so a form can hold its submit. */
  onValidity?(ok: boolean): void
  testId?: string
  allowEmpty?: boolean
}) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string>()
  useEffect(() => {
    setDraft(value)
    setError(undefined)
  }, [value])
  const change = (next: string) => {
    setDraft(next)
    const problem = dateProblem(next, { max, allowEmpty })
    setError(problem === 'future' ? futureMessage : problem === 'bad' ? badMessage : undefined)
    onValidity?.(!problem)
    if (!problem && next !== value) onCommit(next)
  }
  return (
    <div className="field rel-date-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={draft} max={max} data-testid={testId} aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => change(e.target.value)} />
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </div>
  )
}

export function dateProblem(value: string, { max, allowEmpty }: { max?: string; allowEmpty?: boolean }): 'bad' | 'future' | undefined {
  if (value === '') return allowEmpty ? undefined : 'bad'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) return 'bad'
  if (max && value > max) return 'future'
  return undefined
}
