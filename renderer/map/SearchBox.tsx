import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { useUiStore } from '../state/ui-store'
import { searchStakeholders } from './filters'

/** Find a stakeholder by name, title or department and focus their card. */
export function SearchBox() {
  const { t } = useTranslation('map')
  const focusSeq = useUiStore((s) => s.searchFocusSeq)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const open = query.trim() !== ''
  // The people only while a search is typed: an edit (a colleague's above all) does not redraw an idle box.
  const stakeholders = useDealStore((s) => (open ? s.deal?.stakeholders : undefined))
  const hits = useMemo(() => searchStakeholders(stakeholders ?? [], query, 12), [stakeholders, query])

  useEffect(() => {
    if (focusSeq > 0) {
      input.current?.focus()
      input.current?.select()
    }
  }, [focusSeq])

  const choose = (id: string) => {
    useDealStore.getState().focus([id])
    setQuery('')
  }
  return (
    <div className="search-box" role="search">
      <input
        ref={input}
        type="search"
        data-testid="map-search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        role="combobox"
        aria-expanded={open}
        aria-controls="map-search-results"
        aria-activedescendant={open && hits[active] ? `search-hit-${hits[active].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setActive((a) => Math.min(a + 1, hits.length - 1)); e.preventDefault() }
          else if (e.key === 'ArrowUp') { setActive((a) => Math.max(a - 1, 0)); e.preventDefault() }
          else if (e.key === 'Enter' && hits[active]) { choose(hits[active].id); e.preventDefault() }
          else if (e.key === 'Escape') { setQuery(''); input.current?.blur() }
        }}
      />
      {open && (
        <ul className="search-results" id="map-search-results" role="listbox" data-testid="search-results">
          {hits.length === 0 && <li className="muted">{t('search.none')}</li>}
          {hits.map((s, i) => (
            <li
              key={s.id}
              id={`search-hit-${s.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); choose(s.id) }}
            >
              <span className="hit-name">{s.name}</span>
              <span className="hit-meta">{[s.title, s.department].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
