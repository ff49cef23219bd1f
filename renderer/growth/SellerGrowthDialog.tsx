import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { growthProfile, type HistoryDeal } from '@shared/growth'
import { Modal } from '../ui/Modal'
import { useDealStore } from '../state/deal-store'
import { useHistoryStore } from '../state/history-store'
import { today } from '../state/today'
import { useWorkspaceStore } from '../state/workspace-store'
import { useGrowthDialogStore } from './growth-dialog-store'
import { GrowthPath } from './GrowthPath'
import { PersonalGrowth } from './PersonalGrowth'
import { ProfileFacts } from './ProfileFacts'
import './growth.css'

/** A seller's growth profile (docs/growth.md): what the deals say, the growth path, and their private traits and freedoms. */
export function SellerGrowthDialog() {
  const sellerId = useGrowthDialogStore((s) => s.sellerId)
  return sellerId ? <SellerGrowthBody sellerId={sellerId} /> : null
}

function SellerGrowthBody({ sellerId }: { sellerId: string }) {
  const { t } = useTranslation('growth')
  const roster = useWorkspaceStore((s) => s.roster)
  const settings = useWorkspaceStore((s) => s.settings)
  const history = useHistoryStore()
  const liveDeal = useDealStore((s) => s.deal)
  const seller = roster.find((s) => s.id === sellerId)
  const close = () => useGrowthDialogStore.getState().close()
  // The open deal as shown (possibly not saved yet) stands in for its stored copy.
  const deals = useMemo((): HistoryDeal[] => history.deals.map((d) => (liveDeal && d.id === liveDeal.id ? liveDeal : d)), [history.deals, liveDeal])
  const profile = useMemo(() => (seller ? growthProfile(seller, { deals, roster, settings, today: today() }) : null), [seller, deals, roster, settings])
  if (!seller || !profile) return null
  return (
    <Modal label={t('title', { name: seller.name })} onClose={close} className="growth-dialog" testId="growth-dialog">
      <header className="growth-header">
        <h2>{t('title', { name: seller.name })}</h2>
        <button type="button" className="ghost" data-testid="growth-close" onClick={close}>{t('common:close')}</button>
      </header>
      {history.loadError && <p className="notice notice-error" role="alert">{t('loadFailed', { message: history.loadError })}</p>}
      {!history.loaded ? <p className="growth-muted" data-testid="growth-loading">{t('loading')}</p> : (
        <div className="growth-body">
          <div className="growth-column">
            <ProfileFacts profile={profile} />
            <GrowthPath profile={profile} roster={roster} />
          </div>
          <div className="growth-column growth-private-column">
            <PersonalGrowth key={seller.id} seller={seller} growth={history.growth.sellers[seller.id]} />
          </div>
        </div>
      )}
    </Modal>
  )
}
