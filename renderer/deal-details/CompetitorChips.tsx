import { useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { competitorKey } from '@shared/deal-facts'

/**
 * Competitors as chips: type a name and press Enter (or a comma) to add it, × or Backspace
 * in the empty box removes one. A name already in the list is not added twice.
 */
export function CompetitorChips({ value, onChange, error }: { value: string[]; onChange(next: string[]): void; error?: string }) {
  const { t } = useTranslation('dealDetails')
  const id = useId()
  const [text, setText] = useState('')
  const add = () => {
    const name = text.trim()
    if (!name) return
    if (!value.some((c) => competitorKey(c) === competitorKey(name))) onChange([...value, name])
    setText('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault()
      add()
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.competitors')}</label>
      <div className="chip-input" data-testid="facts-competitors">
        <ul className="chips" aria-label={t('field.competitors')}>
          {value.map((c) => (
            <li key={c} className="chip">
              <span>{c}</span>
              <button type="button" className="chip-remove" aria-label={t('removeCompetitor', { name: c })} onClick={() => onChange(value.filter((x) => x !== c))}>×</button>
            </li>
          ))}
        </ul>
        <input id={id} type="text" value={text} maxLength={200} placeholder={value.length ? '' : t('competitorPlaceholder')}
          aria-invalid={!!error} aria-describedby={error ? `${id}-error` : `${id}-hint`} data-testid="facts-competitor-input"
          onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} onBlur={add} />
      </div>
      {error ? <span id={`${id}-error`} className="field-error" role="alert">{error}</span> : <span id={`${id}-hint`} className="field-hint muted">{t('competitorHint')}</span>}
    </div>
  )
}
