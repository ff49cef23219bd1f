import type { AppAction } from '../app'
import { exportCurrentDeal, importCsvFromMenu, importDealFromMenu } from './deal-sharing'

export const importActions: AppAction[] = [
  { id: 'deal.export-file', titleKey: 'import:actions.exportDeal', shortcut: ['mod+shift+s'], group: 'edit', run: () => { void exportCurrentDeal() } },
  { id: 'deal.import', titleKey: 'import:actions.importDeal', shortcut: ['mod+o'], group: 'edit', needsDeal: false, run: () => importDealFromMenu() },
  { id: 'deal.import-csv', titleKey: 'import:actions.importCsv', group: 'edit', run: () => importCsvFromMenu() },
]
