import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { describeChange, type Change } from '@shared/changes'
import type { Language } from '@shared/model'
import { useDealStore } from '../state/deal-store'

const TONE: Partial<Record<Change['kind'], 'good' | 'bad'>> = { 'finding-resolved': 'good', 'finding-new': 'bad' }

/** The changes as sentences; clicking one focuses the people it mentions on the map. */
export function ChangeList({ changes }: { changes: readonly Change[] }) {
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
        return (
          <li key={i} className={`change change-${c.kind} ${TONE[c.kind] ? `change-${TONE[c.kind]}` : ''}`} data-kind={c.kind}>
            {focusable.length ? (
              <button type="button" className="change-link" onClick={() => useDealStore.getState().focus(focusable)} title={t('showOnMap')}>
                {text}
              </button>
            ) : (
              <span>{text}</span>
            )}
          </li>
        )
      })}
    </ol>
  )
}
