// The seller growth feature's public face (docs/growth.md): other features import only what is listed here.
export { SellerGrowthDialog } from './SellerGrowthDialog'
export { openSellerProfile } from './growth-dialog-store'
