import { useRef, type KeyboardEvent } from 'react'

const LEVELS = [0, 1, 2, 3, 4, 5] as const

/**
 * A 0–5 segmented control (a radio group): one click or one key per score, fast enough to
 * use while the customer is talking. Arrow keys move the choice, digits jump to it.
 */
export function ScoreScale({ label, value, onChange, levelTitle, testId, muted }: {
  label: string
  value: number
  onChange(score: number): void
  levelTitle(score: number): string
  testId?: string
  /** Shown as derived (not the user's own score). */
  muted?: boolean
}) {
  const group = useRef<HTMLDivElement>(null)
  const choose = (score: number) => {
    onChange(score)
    group.current?.querySelector<HTMLButtonElement>(`[data-score="${score}"]`)?.focus()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (/^[0-5]$/.test(e.key)) choose(Number(e.key))
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') choose(Math.min(5, value + 1))
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') choose(Math.max(0, value - 1))
    else return
    e.preventDefault()
  }
  return (
    <div ref={group} className={`score-scale${muted ? ' muted' : ''}`} role="radiogroup" aria-label={label} data-testid={testId} onKeyDown={onKeyDown}>
      {LEVELS.map((score) => (
        <button
          key={score}
          type="button"
          role="radio"
          aria-checked={score === value}
          tabIndex={score === value ? 0 : -1}
          data-score={score}
          title={levelTitle(score)}
          className={`score-level level-${score}`}
          onClick={() => choose(score)}
        >
          {score}
        </button>
      ))}
    </div>
  )
}
