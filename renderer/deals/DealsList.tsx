import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DealSummary } from '@shared/ipc'
import { AppFailure, api, messageOf, unwrap } from '../api'
import { formatDate, formatMoney } from '../i18n/format'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { useUiStore } from '../state/ui-store'
import { NewDealForm } from './NewDealForm'
import { DealRow } from './DealRow'
import { ConflictCopies } from './ConflictCopies'
import { SettingsMenu } from './SettingsMenu'
import { openRoster } from '../roster'
import { useCollabStore } from '../collab'
import { DealsListControls } from './DealsListControls'
import { DEFAULT_DEAL_QUERY, queryDeals } from './deal-list-query'

/** The start screen: every deal, with create / rename / duplicate / delete. */
export function DealsList() {
  const { t } = useTranslation('common')
  const deals = useWorkspaceStore((s) => s.deals)
  const damaged = useWorkspaceStore((s) => s.damaged)
  const conflictCopies = useWorkspaceStore((s) => s.conflictCopies)
  const openError = useDealStore((s) => s.openError)
  const [creating, setCreating] = useState(false)
  const newDealRequested = useUiStore((s) => s.newDealRequested)
  useEffect(() => {
    if (newDealRequested && useUiStore.getState().consumeNewDealRequest()) setCreating(true)
  }, [newDealRequested])
  const [error, setError] = useState<string>()
  const [savedTo, setSavedTo] = useState<string>()
  const [query, setQuery] = useState(DEFAULT_DEAL_QUERY)
  const visible = useMemo(() => queryDeals(deals, query), [deals, query])

  const guard = async (work: () => Promise<unknown>) => {
    setError(undefined)
    setSavedTo(undefined)
    try {
      await work()
    } catch (e) {
      // Closing a save dialog is a choice, not an error.
      if (!(e instanceof AppFailure && e.code === 'cancelled')) setError(messageOf(e))
    }
  }

  return (
    <div className="deals-page">
      <header className="deals-header">
        <h1>{t('deals.title')}</h1>
        <SettingsMenu />
        <button type="button" data-testid="open-roster" onClick={() => openRoster()}>
          {t('team:roster.title')}
        </button>
        <button type="button" data-testid="join-shared-deal" onClick={() => useCollabStore.getState().openDialog('join')}>
          {t('collab:join.action')}
        </button>
        <button type="button" className="primary" data-testid="new-deal" onClick={() => setCreating(true)}>
          ＋ {t('deals.new')}
        </button>
      </header>
      {(error || openError) && (
        <div className="notice notice-error" role="alert">
          {error ?? openError}
        </div>
      )}
      {savedTo && (
        <div className="notice" role="status" data-testid="deals-saved-to">
          {t('deals.savedTo', { path: savedTo })}
        </div>
      )}
      {creating && (
        <NewDealForm
          onCancel={() => setCreating(false)}
          onCreate={(fields) =>
            guard(async () => {
              const deal = await useWorkspaceStore.getState().createDeal(fields)
              setCreating(false)
              await useDealStore.getState().open(deal.id)
            })
          }
        />
      )}
      {deals.length === 0 && !creating ? (
        <p className="empty">{t('deals.empty')}</p>
      ) : (
        <>
        {deals.length > 1 && <DealsListControls query={query} onChange={setQuery} />}
        <ul className="deal-list" data-testid="deal-list">
          {visible.map((d: DealSummary) => (
            <DealRow key={d.id} deal={d} guard={guard} />
          ))}
        </ul>
        {visible.length === 0 && <p className="empty">{t('palette:deals.noMatch')}</p>}
        </>
      )}
      <ConflictCopies copies={conflictCopies} guard={guard} />
      {damaged.length > 0 && (
        <section className="damaged" data-testid="damaged-deals">
          <h2>{t('deals.damagedTitle')}</h2>
          <p>{t('deals.damagedHelp')}</p>
          <ul>
            {damaged.map((d) => (
              <li key={d.id}>
                <span className="damaged-file">{d.file}</span> — <span className="damaged-reason">{d.restoreError ? t('deals.damagedRestoreFailed', { reason: d.restoreError }) : d.reason}</span>{' '}
                <button type="button" onClick={() => guard(async () => setSavedTo(unwrap(await api.exportRawDealFile(d.id)).path))}>
                  {t('deals.exportRaw')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

export function dealFacts(d: DealSummary, t: (k: string) => string): string[] {
  return [
    d.customer,
    t(`stage.${d.stage}`),
    d.amount.value ? formatMoney(d.amount) : '',
    d.closeDate ? formatDate(d.closeDate) : '',
  ].filter(Boolean)
}
