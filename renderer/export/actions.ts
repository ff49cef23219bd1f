import type { AppAction } from '../app'
import { useExportStore } from './export-store'
import { exportMapImageWithNotice } from './image-export'

/** The deck and images of the map. The native menu's "Export Slides…" is `deal.export-slides`. */
export const exportActions: AppAction[] = [
  { id: 'export.slides', titleKey: 'export:actions.slides', shortcut: ['mod+shift+e'], group: 'edit', run: () => useExportStore.getState().openDialog() },
  { id: 'export.png', titleKey: 'export:actions.png', group: 'edit', run: () => exportMapImageWithNotice('png') },
  { id: 'export.svg', titleKey: 'export:actions.svg', group: 'edit', run: () => exportMapImageWithNotice('svg') },
  { id: 'export.copy-image', titleKey: 'export:actions.copyImage', group: 'edit', run: () => exportMapImageWithNotice('copy') },
]
