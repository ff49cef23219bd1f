import { AccountView } from './AccountView'
import { AddFromAccountDialog } from './AddFromAccountDialog'
import { useAccountSync } from './use-account-sync'

/** The account view and the "Add from account…" dialog, over the window; and the sync on open. */
export function AccountOverlays() {
  useAccountSync()
  return (
    <>
      <AccountView />
      <AddFromAccountDialog />
    </>
  )
}
