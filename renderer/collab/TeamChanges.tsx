import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TeamChange } from '@shared/ipc'
import type { Deal } from '@shared/model'
import { api } from '../api'
import { formatWhen } from '../i18n/format'

const LINE_COMMANDS = new Set(['add-link', 'update-link', 'remove-links', 'set-link-label'])

/** What one change did, in words: the people it touched by name (the doc's log keeps ids). */
function describe(change: TeamChange, deal: Deal, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (change.command === 'seed') return t('log.seed')
  if (change.command === 'replace') return t('log.replace')
  const byId = new Map(deal.stakeholders.map((s) => [s.id, s.name || s.title || '?']))
  const names = change.targets.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
  // A line has no name of its own: "edited a line", not "the deal's details".
  if (names.length === 0) return t(LINE_COMMANDS.has(change.command) ? 'log.editedLine' : 'log.editedDeal')
  const shown = names.slice(0, 2).join(t('log.comma'))
  const list = names.length > 2 ? t('log.more', { names: shown, count: names.length - 2 }) : shown
  // Opening a deal brings its people's latest from the customer's account: not an edit the user typed.
  return t(change.command === 'apply-account-attributes' ? 'log.fromAccount' : 'log.edited', { names: list })
}

/** "What changed, and who": the shared deal's latest changes, each naming its author (from the doc's log). */
export function TeamChanges({ deal }: { deal: Deal }) {
  const { t } = useTranslation('collab')
  const [changes, setChanges] = useState<TeamChange[] | null>(null)
  useEffect(() => {
    let live = true
    void api.sharedChangeLog(deal.id, 8).then((r) => live && r.ok && setChanges(r.value), () => undefined)
    return () => {
      live = false
    }
  }, [deal])
  if (!changes) return null
  return (
    <section className="collab-changes" aria-label={t('log.title')} data-testid="collab-changes">
      <h3>{t('log.title')}</h3>
      {changes.length === 0 ? <p>{t('log.empty')}</p> : (
        <ol>
          {changes.map((c) => (
            <li key={c.id} data-testid="collab-change" data-author={c.author.name} data-command={c.command}>
              <span>{t('log.entry', { author: c.author.name || c.author.email, what: describe(c, deal, t) })}</span>
              <time dateTime={c.at}>{formatWhen(c.at)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
