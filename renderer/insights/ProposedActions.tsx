import { useTranslation } from 'react-i18next'
import { describeProposedAction, type ProposedAction } from '@shared/analysis'
import type { Deal, NextAction } from '@shared/model'
import { formatDate } from '../i18n/format'
import { edit } from '../relationships'
import { useWorkspaceStore } from '../state/workspace-store'

/** The action id a proposal becomes, so the panel can tell it is already planned. */
export function plannedActionId(p: ProposedAction): string {
  return `proposed_${p.id.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 64)
}

function isPlanned(p: ProposedAction, deal: Deal): boolean {
  const s = p.stakeholderId ? deal.stakeholders.find((x) => x.id === p.stakeholderId) : undefined
  return !!s?.actions?.some((a) => a.id === plannedActionId(p))
}

/** Actions the analysis proposes from the findings, each added with one click. */
export function ProposedActions({ proposals, deal }: { proposals: readonly ProposedAction[]; deal: Deal }) {
  const { t } = useTranslation('insights')
  const roster = useWorkspaceStore((s) => s.roster)
  const nameOf = (id?: string) => (id ? roster.find((r) => r.id === id)?.name : undefined)
  const add = (p: ProposedAction) => {
    const s = deal.stakeholders.find((x) => x.id === p.stakeholderId)
    if (!s) return
    const action: NextAction = { id: plannedActionId(p), what: describeProposedAction(p, t), done: false, due: p.due, ...(p.ownerId ? { ownerId: p.ownerId } : {}) }
    edit({ type: 'add-action', stakeholderId: s.id, action })
  }
  return (
    <section className="insights-section proposed" data-testid="proposed-actions">
      <h3>{t('proposed.title')}</h3>
      {proposals.length === 0 && <p className="muted">{t('proposed.none')}</p>}
      <ul className="proposal-list">
        {proposals.map((p) => {
          const planned = isPlanned(p, deal)
          const owner = nameOf(p.ownerId)
          return (
            <li key={p.id} className="proposal" data-testid="proposal" data-id={p.id}>
              <div className="proposal-text">
                <span className="proposal-what">{describeProposedAction(p, t)}</span>
                <span className="proposal-meta muted">
                  {[owner, t('proposed.due', { date: formatDate(p.due) })].filter(Boolean).join(' · ')}
                </span>
                {!p.stakeholderId && <span className="proposal-meta muted">{t('proposed.noPerson')}</span>}
              </div>
              {p.stakeholderId && (
                <button type="button" className={planned ? 'planned' : 'primary small'} disabled={planned} data-testid="proposal-add" onClick={() => add(p)}>
                  {planned ? t('proposed.added') : t('proposed.add')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
