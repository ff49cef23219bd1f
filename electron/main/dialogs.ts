import { join } from 'node:path'
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import type { Dialogs, PickKind, SaveKind } from './handlers'

const FILTERS: Record<SaveKind | PickKind, FileFilter> = {
  pptx: { name: 'PowerPoint', extensions: ['pptx'] },
  png: { name: 'PNG image', extensions: ['png'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  json: { name: 'Deal file', extensions: ['json'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  template: { name: 'PowerPoint template', extensions: ['pptx', 'potx'] },
}

/** The native save and open dialogs, attached to the main window. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async saveFile(suggestedName: string, kind: SaveKind) {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [FILTERS[kind]] }
      const win = window()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async openFile(kinds: PickKind[]) {
      const options = { properties: ['openFile' as const], filters: kinds.map((k) => FILTERS[k]) }
      const win = window()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
