import type { AppAction } from '../app'
import { usePaletteStore } from './palette-store'

export const paletteActions: AppAction[] = [
  { id: 'view.palette', titleKey: 'palette:title', shortcut: ['mod+k'], group: 'help', needsDeal: false, run: () => usePaletteStore.getState().setOpen(true) },
]
