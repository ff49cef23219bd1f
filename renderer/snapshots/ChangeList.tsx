import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { describeChange, type Change } from '@shared/changes'
import type { Language } from '@shared/model'
import { useDealStore } from '../state/deal-store'

const TONE: Partial<Record<Change['kind'], 'good' | 'bad'>> = { 'finding-resolved': 'good', 'finding-new': 'bad' }

/**
 * The changes as sentences; clicking one focuses the people it mentions on the map. For a
 * shared deal, `authorsOf` names who made each change.
 */
export function ChangeList({ changes, authorsOf }: { changes: readonly Change[]; authorsOf?: (change: Change) => string[] }) {
  const { t, i18n } = useTranslation('snapshots')
  const lang: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  const people = useDealStore((s) => s.deal?.stakeholders)
  const liveIds = useMemo(() => new Set((people ?? []).map((p) => p.id)), [people])
  if (changes.length === 0) return <p className="changes-empty" data-testid="change-list-empty">{t('noChanges')}</p>
  return (
    <ol className="change-list" data-testid="change-list">
      {changes.map((c, i) => {
        const focusable = c.stakeholderIds.filter((id) => liveIds.has(id))
        const text = describeChange(c, lang)
        const names = authorsOf?.(c) ?? []
        return (
          <li key={i} className={`change change-${c.kind} ${TONE[c.kind] ? `change-${TONE[c.kind]}` : ''}`} data-kind={c.kind}>
            {focusable.length ? (
              <button type="button" className="change-link" onClick={() => useDealStore.getState().focus(focusable)} title={t('showOnMap')}>
                {text}
              </button>
            ) : (
              <span>{text}</span>
            )}
            {names.length > 0 && <span className="change-authors muted" data-testid="change-authors">{t('by', { names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names) })}</span>}
          </li>
        )
      })}
    </ol>
  )
}
