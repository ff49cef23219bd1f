import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DealSummary } from '@shared/ipc'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { dealFacts } from './DealsList'
import { useAccountStore } from '../accounts'

type Mode = 'view' | 'rename' | 'confirm-delete'

/** One deal in the list, with its actions. */
export function DealRow({ deal, guard }: { deal: DealSummary; guard(work: () => Promise<unknown>): Promise<void> }) {
  const { t } = useTranslation('common')
  const { t: ta } = useTranslation('accounts')
  const [mode, setMode] = useState<Mode>('view')
  const [name, setName] = useState(deal.name)
  const ws = useWorkspaceStore.getState
  return (
    <li className="deal-item" data-testid="deal-item" data-deal-id={deal.id}>
      {mode === 'rename' ? (
        <form
          className="deal-rename"
          onSubmit={(e) => {
            e.preventDefault()
            if (!name.trim()) return
            void guard(async () => {
              await ws().renameDeal(deal.id, name.trim())
              setMode('view')
            })
          }}
        >
          <input aria-label={t('deals.name')} autoFocus value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="rename-input" />
          {!name.trim() && <span className="field-error" role="alert">{t('validation.nameRequired')}</span>}
          <button type="submit" className="primary" disabled={!name.trim()}>{t('save.action')}</button>
          <button type="button" onClick={() => setMode('view')}>{t('cancel')}</button>
        </form>
      ) : (
        <button type="button" className="deal-open" aria-label={deal.name} onClick={() => void useDealStore.getState().open(deal.id)}>
          <span className="deal-name">{deal.name}</span>
          <span className="deal-facts">{dealFacts(deal, t).join(' · ')}</span>
          <span className="deal-badges">
            {deal.mapStatus && <span className={`badge map-status-${deal.mapStatus}`}>{t(`mapStatus.${deal.mapStatus}`)}</span>}
            {deal.teamVerdict && <span className={`badge team-${deal.teamVerdict}`}>{t(`teamVerdict.${deal.teamVerdict}`)}</span>}
            {deal.stakeholderCount !== undefined && <span className="badge">{t('deals.people', { count: deal.stakeholderCount })}</span>}
          </span>
        </button>
      )}
      {mode === 'confirm-delete' ? (
        <div className="deal-confirm" role="alertdialog" aria-label={t('deals.confirmDelete', { name: deal.name })}>
          <span>{t('deals.confirmDelete', { name: deal.name })}</span>
          <button type="button" className="danger" data-testid="confirm-delete" onClick={() => void guard(() => ws().deleteDeal(deal.id))}>
            {t('deals.delete')}
          </button>
          <button type="button" onClick={() => setMode('view')}>{t('cancel')}</button>
        </div>
      ) : mode === 'view' ? (
        <div className="deal-actions">
          <button type="button" data-testid="rename-deal" onClick={() => { setName(deal.name); setMode('rename') }}>{t('deals.rename')}</button>
          <button type="button" data-testid="duplicate-deal" onClick={() => void guard(() => ws().duplicateDeal(deal.id, t('deals.copyName', { name: deal.name }).slice(0, 200)))}>
            {t('deals.duplicate')}
          </button>
          {deal.customer.trim() !== '' && (
            <button type="button" data-testid="open-account" title={ta('openTitle', { customer: deal.customer })} onClick={() => void useAccountStore.getState().openView(deal.customer)}>{ta('open')}</button>
          )}
          <button type="button" data-testid="delete-deal" onClick={() => setMode('confirm-delete')}>{t('deals.delete')}</button>
        </div>
      ) : null}
    </li>
  )
}
