// The answers' shapes that the page reads (views of the workspace, a deal's account, files
// written), apart from the channel contract in ipc.ts, which re-exports them.
import type { Deal, TeamSeat } from './model/deal'
import type { Seller } from './model/seller'
import type { DealIndexEntry, Settings } from './model/workspace'
import type { GrowthFile } from './growth/growth-file'
import type { HistoryDeal } from './growth/seats'
import type { AccountOverview, AccountPerson, CardUpdate } from './accounts'
import type { Notice } from './ipc'
// One answer: the statuses are the analysis's own types.
import type { MapStatus, TeamVerdict } from './analysis'


export interface DealSummary extends DealIndexEntry {
  mapStatus?: MapStatus
  teamVerdict?: TeamVerdict
  stakeholderCount?: number
  /** The deal's seats, so the roster can show who sits where and count open-deal load without opening every deal. */
  team?: TeamSeat[]
}

export interface DamagedDeal {
  id: string
  file: string
  reason: string
  /** Set when a valid backup exists but writing it back failed (ENOSPC…); it is retried on open and on every start. */
  restoreError?: string
}

/**
 * A second copy of a deal file that a sync app left in deals/ (`<id>-LAPTOP.json`,
 * `<id> (1).json`, `<id> (conflicted copy …).json`). It is not a deal of its own until the
 * user opens it as one.
 */
export interface ConflictCopy {
  /** The deal it is a copy of: the id inside it, or (when it does not validate) the deal its name starts with. */
  dealId: string
  /** Its file name in deals/. */
  file: string
  /** The deal name inside the copy, when it validates. */
  copyDealName?: string
  valid: boolean
}

export interface WorkspaceView {
  settings: Settings
  roster: Seller[]
  deals: DealSummary[]
  damaged: DamagedDeal[]
  conflictCopies: ConflictCopy[]
  recentDealIds: string[]
  notices: Notice[]
  /** The workspace's company template, by file name; absent when decks use the app's own design. */
  deckTemplate?: { name: string }
}

export interface ConflictResolution {
  /** What the deal's file holds now (mine, or theirs); null when theirs is not a valid deal (keep both). */
  deal: Deal | null
  /** Keep both: the user's version, saved as a new deal. */
  copy: Deal | null
}

export interface BackupInfo {
  id: string
  createdAt: string
  bytes: number
  valid: boolean
}

export interface SnapshotInfo {
  id: string
  name: string
  createdAt: string
  /** Who took it, for a snapshot of a shared deal. */
  author?: { name: string; email: string }
}

export interface ImportPreview {
  deal: { id: string; name: string; customer: string; stakeholders: number; links: number; seats: number }
  /** True when a deal with this id is already in the workspace (import as a copy or replace). */
  exists: boolean
  sellers: Array<{ id: string; name: string; match: 'email' | 'name' | 'new'; rosterId?: string }>
}

export interface SavedFile {
  path: string
}

export interface AppInfo {
  version: string
  locale: string
  platform: string
}

/** What the seller profiles read: the growth file and every readable deal (past and open), with what the user must be told. */
export interface GrowthView {
  growth: GrowthFile
  deals: HistoryDeal[]
  notices: Notice[]
}

/** A deal's account as the page needs it on open: the cards to refresh (one command) and the people to add from. */
export interface AccountForDeal {
  accountId: string
  customer: string
  persons: AccountPerson[]
  updates: CardUpdate[]
  notices: Notice[]
}

export interface AccountOverviewResult {
  overview: AccountOverview
  notices: Notice[]
}

/** A saved or copied map picture: where it went (null when copied) and its size in pixels. */
export interface MapImageSaved {
  path: string | null
  width: number
  height: number
}
