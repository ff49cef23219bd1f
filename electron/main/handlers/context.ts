import type { AppInfo, CollabEvent, Notice } from '@shared/ipc'
import type { StartSyncEngine } from '../collab/collab-service'
import type { TokenVault } from '../collab/token-vault'
import type { Language } from '@shared/model'
import type { Clock, DurableFs, Sleep, Stores } from '../store'

export type SaveKind = 'pptx' | 'png' | 'svg' | 'json' | 'csv'
export type OpenKind = 'json' | 'csv'
/** What an open dialog may offer: a file to import, or a PowerPoint template (.pptx, .potx). */
export type PickKind = OpenKind | 'template'

/** Native dialogs, injected so tests and the browser bridge can answer with temp paths. */
export interface Dialogs {
  /** A path to write to, or null when the user cancels. */
  saveFile(suggestedName: string, kind: SaveKind): Promise<string | null>
  /** A path to read, or null when the user cancels. */
  openFile(kinds: PickKind[]): Promise<string | null>
}

export interface ClipboardPort {
  writeImage(png: Uint8Array): void | Promise<void>
}

export interface ShellPort {
  openExternal(url: string): Promise<void>
}

/** The native menu, rebuilt in the page's language. */
export interface MenuPort {
  setLanguage(language: Language): void
}

/** Sharing deals with a team (#16): how a sync engine starts, where tokens go, how main pushes to the page. */
export interface CollabOptions {
  /** Default: collab-server's DealSync over this handler table's stores (`collab/deal-sync-engine.ts`). */
  startEngine?: StartSyncEngine
  vault: TokenVault
  emit(event: CollabEvent): void
  /** Hands over the function that stops every sync (flushing logs and projections), for quitting. */
  onStopAll?(stopAll: () => Promise<void>): void
  projectionDelayMs?: number
}

export interface HandlerOptions {
  dataDir: string
  dialogs: Dialogs
  clipboard?: ClipboardPort
  shell?: ShellPort
  clock?: Clock
  fs?: DurableFs
  /** Waits between read retries; tests pass one that returns at once. */
  sleep?: Sleep
  info?: Partial<AppInfo>
  menu?: MenuPort
  /** Without it the collaboration channels refuse (a build or test with no sharing). */
  collab?: CollabOptions
}

export interface HandlerContext {
  stores: Stores
  options: HandlerOptions
  clock: Clock
  fs: DurableFs
  /** Load (or create on first run, or rebuild) the workspace once; later calls are free. */
  ready(): Promise<void>
  /** Notices gathered while loading, handed to the page once. */
  takeNotices(): Notice[]
  today(): string
}
