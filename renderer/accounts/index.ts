// The accounts feature's public face (docs/method.md, "Accounts"): other features import only what is listed here.
export { AccountOverlays } from './AccountOverlays'
export { accountActions } from './actions'
export { useAccountStore } from './account-store'
export { syncOpenedDeal } from './use-account-sync'
