import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { DealsList } from '../deals'
import { DealView } from './DealView'
import { NoticeBanner } from './NoticeBanner'
import { ShortcutsSheet } from './ShortcutsSheet'
import { useGlobalShortcuts } from './use-shortcuts'
import { useMenuActions } from './use-menu-actions'
import { useTheme } from './use-theme'
import { AppOverlays } from '../palette'
import { RosterDialog } from '../roster'
import { SellerGrowthDialog } from '../growth'
import { ShareDialog, useCollabSync } from '../collab'
import { AccountOverlays } from '../accounts'

/** The window: the deals list, or the open deal. */
export function App() {
  const { t } = useTranslation('common')
  const loaded = useWorkspaceStore((s) => s.loaded)
  const loadError = useWorkspaceStore((s) => s.loadError)
  const dealOpen = useDealStore((s) => s.deal !== null)
  const loading = useDealStore((s) => s.loading)
  useTheme()
  useGlobalShortcuts()
  useMenuActions()
  useCollabSync()

  useEffect(() => {
    void useWorkspaceStore.getState().load()
  }, [])

  return (
    <div className="app">
      <NoticeBanner />
      {!loaded ? (
        <div className="app-status" role="status">{t('loading')}</div>
      ) : loadError ? (
        <div className="app-status error" role="alert">{t('loadFailed', { message: loadError })}</div>
      ) : dealOpen ? (
        <DealView />
      ) : loading ? (
        <div className="app-status" role="status">{t('loading')}</div>
      ) : (
        <DealsList />
      )}
      <ShortcutsSheet />
      <AppOverlays />
      <AccountOverlays />
      <RosterDialog />
      <SellerGrowthDialog />
      <ShareDialog />
    </div>
  )
}
