import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newId, type Stakeholder } from '@shared/model'
import { formatDate } from '../i18n/format'
import { useWorkspaceStore } from '../state/workspace-store'
import { today } from '../state/today'
import { edit, isOverdue } from './relationship-edits'

/** What we will do next with this person: what, who, due, done; overdue ones flagged. */
export function NextActions({ stakeholder }: { stakeholder: Stakeholder }) {
  const { t } = useTranslation('relationships')
  const roster = useWorkspaceStore((s) => s.roster)
  const [what, setWhat] = useState('')
  const [who, setWho] = useState(stakeholder.ownerIds[0] ?? '')
  const [due, setDue] = useState('')
  const date = today()
  const actions = stakeholder.actions ?? []
  const sellers = roster.filter((r) => !r.archived)
  const ref = (actionId: string) => ({ stakeholderId: stakeholder.id, actionId })
  const add = () => {
    if (!what.trim()) return
    const result = edit({
      type: 'add-action',
      stakeholderId: stakeholder.id,
      action: { id: newId(), what: what.trim().slice(0, 200), done: false, ...(who ? { ownerId: who } : {}), ...(due ? { due } : {}) },
    })
    if (result.ok) {
      setWhat('')
      setDue('')
    }
  }
  return (
    <section className="inspector-section next-actions" data-testid="next-actions">
      <h3>{t('actions.title')}</h3>
      {actions.length === 0 && <p className="muted">{t('actions.empty')}</p>}
      <ul className="action-list">
        {actions.map((a) => {
          const overdue = isOverdue(a, date)
          return (
            <li key={a.id} className={`action-item${a.done ? ' done' : ''}${overdue ? ' overdue' : ''}`} data-testid="action-item">
              <label className="action-what">
                <input type="checkbox" checked={a.done} aria-label={t('actions.done')}
                  onChange={(e) => edit({ type: 'set-action-field', ...ref(a.id), field: 'done', value: e.target.checked })} />
                <span>{a.what}</span>
              </label>
              <div className="action-meta">
                <select aria-label={t('actions.who')} value={a.ownerId ?? ''}
                  onChange={(e) => edit({ type: 'set-action-field', ...ref(a.id), field: 'ownerId', value: e.target.value || null })}>
                  <option value="">{t('actions.nobody')}</option>
                  {roster.filter((r) => !r.archived || r.id === a.ownerId).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                </select>
                <input type="date" aria-label={t('actions.due')} value={a.due ?? ''}
                  onChange={(e) => edit({ type: 'set-action-field', ...ref(a.id), field: 'due', value: e.target.value || null })} />
                {overdue && <span className="overdue-flag" data-testid="overdue">{t('actions.overdue')} · {formatDate(a.due)}</span>}
                <button type="button" className="icon-button" aria-label={t('actions.remove')} title={t('actions.remove')}
                  onClick={() => edit({ type: 'remove-action', ...ref(a.id) })}>×</button>
              </div>
            </li>
          )
        })}
      </ul>
      {/* Not a <form>: the inspector around it is one, and forms must not nest. */}
      <div className="action-add" role="group" onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add() } }}>
        <input aria-label={t('actions.what')} placeholder={t('actions.what')} value={what} maxLength={200} data-testid="action-what" onChange={(e) => setWhat(e.target.value)} />
        <select aria-label={t('actions.who')} value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">{t('actions.nobody')}</option>
          {sellers.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
        <input type="date" aria-label={t('actions.due')} value={due} onChange={(e) => setDue(e.target.value)} />
        <button type="button" disabled={!what.trim()} data-testid="action-add" onClick={add}>{t('actions.add')}</button>
      </div>
    </section>
  )
}
