import type { Page } from 'playwright-core'
import type { HandlerTable } from '@shared/ipc'
import type { DurableFs } from '../../../electron/main/store'
import { currentMode, type E2eMode } from './mode'
import { openChromiumApp } from './chromium-app'
import { openElectronApp } from './electron-app'
import type { TestDialogs } from './dialogs'

/** What the stand-in ports saw (Chromium mode, where main's ports are the harness's). */
export interface BridgeRecord {
  dialogs: TestDialogs
  openedUrls: string[]
  clipboardImages: Uint8Array[]
}

export interface OpenAppOptions {
  /** Reuse an existing user-data folder (default: a fresh temp folder, so the first-run sample appears). */
  dataDir?: string
  /** Fixed time for handlers that stamp dates (Chromium mode only). */
  clock?: () => Date
  /** The file system main's store writes through, e.g. one that injects ENOSPC (Chromium mode only). */
  fs?: DurableFs
}

/** A running app, the same shape in Chromium and Electron mode. */
export interface App {
  readonly mode: E2eMode
  /** The app window's page. Replaced by `restart()`: read it again afterwards. */
  readonly page: Page
  /** The user-data folder (workspace.json, deals/*.json). */
  readonly dataDir: string
  /** Where the injected "save as" dialog writes files. */
  readonly saveDir: string
  /**
   * The very handler table main registers, over this app's files (Chromium mode). Null in
   * Electron mode, where the handlers live in the Electron main process.
   */
  readonly handlers: HandlerTable | null
  /** Dialog, shell and clipboard calls seen by the bridge (Chromium mode; null in Electron mode). */
  readonly bridge: BridgeRecord | null
  /** Uncaught errors thrown in the page so far (specs assert it stays empty). */
  readonly pageErrors: string[]
  /** The next "open file" dialog answers with this path (null = the user cancels). */
  queueOpenFile(path: string | null): Promise<void>
  /** Quit and start again on the same data folder; resolves with the new page. */
  restart(): Promise<Page>
  /** Play an action as if chosen in the native menu. */
  sendMenuAction(action: string): Promise<void>
  /** Quit and delete the temp folders (unless E2E_KEEP=1 or the data folder was given). */
  close(): Promise<void>
}

export async function openApp(options: OpenAppOptions = {}): Promise<App> {
  return currentMode() === 'electron' ? openElectronApp(options) : openChromiumApp(options)
}
