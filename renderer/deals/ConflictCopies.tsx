import { useTranslation } from 'react-i18next'
import type { ConflictCopy } from '@shared/ipc'
import { api, unwrap } from '../api'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'

/** Second copies of deal files left by a sync app: open one as its own deal, or archive it. */
export function ConflictCopies({ copies, guard }: { copies: ConflictCopy[]; guard: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation(['common', 'import'])
  const deals = useWorkspaceStore((s) => s.deals)
  if (copies.length === 0) return null
  const nameOf = (id: string) => deals.find((d) => d.id === id)?.name ?? id

  const openAsDeal = (file: string) =>
    guard(async () => {
      const deal = unwrap(await api.openConflictCopyAsDeal(file, { copySuffix: t('import:copySuffix') }))
      await useWorkspaceStore.getState().load()
      await useDealStore.getState().open(deal.id)
    })
  const dismiss = (file: string) =>
    guard(async () => {
      unwrap(await api.dismissConflictCopy(file))
      await useWorkspaceStore.getState().load()
    })

  return (
    <section className="conflict-copies" data-testid="conflict-copies">
      <h2>{t('deals.conflictsTitle')}</h2>
      <p>{t('deals.conflictsHelp')}</p>
      <ul>
        {copies.map((c) => (
          <li key={c.file} data-testid="conflict-copy">
            <span className="conflict-text">
              <span className="conflict-of">
                {c.valid ? `${c.copyDealName} · ${t('deals.conflictOf', { name: nameOf(c.dealId) })}` : `${t('deals.conflictInvalid')} · ${t('deals.conflictOf', { name: nameOf(c.dealId) })}`}
              </span>
              <span className="conflict-file" title={c.file}>
                {c.file}
              </span>
            </span>
            <span className="conflict-actions">
              <button type="button" disabled={!c.valid} onClick={() => openAsDeal(c.file)}>
                {t('deals.conflictOpen')}
              </button>
              <button type="button" onClick={() => dismiss(c.file)}>
                {t('deals.conflictDismiss')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
