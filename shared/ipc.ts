import { z } from 'zod'
import { MoneySchema, type Deal } from './model/deal'
import type { Checked, CheckedChanges, ValidDeal } from './model/deal-validator'
import type { DealChanges } from './model/deal-changes'
import type { FileIssue } from './model/deal-file'
import { Id, IsoDate, LongText, Name, ShortText } from './model/primitives'
import { STAGES } from './model/enums'
import { LIMITS } from './model/limits'
import { SellerSchema, type Seller } from './model/seller'
import { LANGUAGES } from './model/enums'
import { SettingsSchema, type Settings } from './model/workspace'
import type { CHANNEL_METHODS, Channel, MenuActionId } from './ipc-channels'
import { SellerGrowthSchema, type GrowthFile } from './growth/growth-file'
import { COLLAB_CHANNEL_ARGS, MAX_EARLIER_STATES, ShareFields, type CollabChannelResults, type CollabEvent, type TeamChange } from './ipc-collab'

export { COLLAB_EVENT_CHANNEL, MENU_ACTION_CHANNEL, type Channel, type MenuActionId } from './ipc-channels'
export type { CollabEvent, CollabState, PresentUser, TeamChange } from './ipc-collab'
export type {
  AccountForDeal, AccountOverviewResult, AppInfo, BackupInfo, ConflictCopy, ConflictResolution, DamagedDeal, DealSummary, GrowthView,
  ImportPreview, MapImageSaved, SavedFile, SnapshotInfo, WorkspaceView,
} from './ipc-views'
import type {
  AccountForDeal, AccountOverviewResult, AppInfo, BackupInfo, ConflictResolution, GrowthView, ImportPreview, MapImageSaved, SavedFile, SnapshotInfo, WorkspaceView,
} from './ipc-views'

/**
 * The one IPC contract between the page and main. Each channel names its arguments as a
 * zod tuple (main validates every call with it) and its result type. The preload, main's
 * handler table and the browser test bridge are all generated from `CHANNELS`, whose
 * channel and method names must match the zod-free `CHANNEL_METHODS`.
 */

export type ErrorCode =
  | 'invalid-request' // the arguments do not match the contract
  | 'forbidden' // the sender is not the app's own page
  | 'not-found'
  | 'invalid-file' // a file to import or open fails validation
  | 'damaged' // a stored file is corrupt and no backup could be restored
  | 'io' // the disk refused: full, read-only, permission denied
  | 'cancelled' // the user closed a dialog
  | 'too-large' // the file would be larger than the app can read back; nothing was written
  | 'conflict' // the file was changed outside the app since it was read; nothing was overwritten
  | 'internal'

export interface AppError {
  code: ErrorCode
  /** A sentence fit to show the user. */
  message: string
  issues?: FileIssue[]
  /**
   * For `io` errors, the system's error code (ENOSPC, EROFS, EACCES…); for a refused incoming
   * file, why (`too-large`, `empty`, `wrong-kind`). The page says it in the user's language.
   */
  reason?: string
  /** For `too-large`: the bytes the file would take and the cap, so the page can say it in the user's language. */
  size?: { bytes: number; limit: number }
  /** For `conflict`: what the page needs to ask the user which version to keep. */
  conflict?: OutsideEdit
}

/** A deal file changed by another program while the app had it open. */
export interface OutsideEdit {
  dealId: string
  /** The user's version, saved aside in the deals folder under this name. */
  copyFile: string
  /** Whether the outside version reads as a deal file; if not, why (a parse failure kind: 'not-json', 'invalid'…). */
  theirs: { valid: true; name: string } | { valid: false; problem: string }
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** What a notice is about; the page names it in the user's language. */
export type NoticeSubject =
  | { kind: 'workspace' }
  | { kind: 'deal-file'; name: string }
  | { kind: 'snapshots'; dealId: string }
  /** The seller growth file (personal; docs/growth.md). */
  | { kind: 'growth' }
  | { kind: 'account'; customer: string }

/**
 * Each kind of notice main can give, with the values its sentence needs. The page says it
 * in the user's language (`shared/i18n/<lang>/notices.json`); `reason` and `code` are the
 * system's own words (a validation message, ENOSPC) and are shown as they are.
 */
export interface NoticeParamsByCode {
  'file-unreadable': { code: string }
  'damaged-left-in-place': { reason: string }
  'damaged-no-backup': { reason: string; aside: string }
  'restored-from-backup': { reason: string; aside: string; when: string }
  'restore-failed': { reason: string; aside: string; code: string }
  'snapshot-damaged-set-aside': { reason: string; aside: string }
  'snapshot-damaged-left-in-place': { reason: string }
  'deal-list-rebuilt': { count: number }
  /** People of this deal joined by email to the same person in another deal of the account (docs/method.md, "Accounts"). */
  'account-linked-by-email': { customer: string; count: number; names: string }
  /** Said by the page when opening a deal took its people's latest attributes from the account (one undoable step). */
  'account-refreshed': { customer: string; count: number }
}
export type NoticeCode = keyof NoticeParamsByCode

/** Something the user must be told (a file was set aside and restored, etc.). */
export type Notice = {
  [C in NoticeCode]: {
    level: 'info' | 'warning' | 'error'
    code: C
    params: NoticeParamsByCode[C]
    subject?: NoticeSubject
    /** The same notice in English, for logs and the command line. */
    message: string
    file?: string
  }
}[NoticeCode]

const Bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= 200 * 1024 * 1024, 'File too large')
const ImportText = z.string().max(50 * 1024 * 1024)
const CopySuffix = z.string().max(40)
/** A plain file name in deals/, never a path. */
const ConflictFileName = z
  .string()
  .min(6)
  .max(255)
  .refine((n) => n.endsWith('.json') && !/[\\/]/.test(n) && !n.includes('\u0000') && !n.startsWith('.'), 'Not a file name in the deals folder')

/**
 * How the contract checks a deal the page sends. Main passes its deal store's validator
 * (`DealFileStore.validator`): it remembers what it validated, so an autosave re-validates
 * only the people who changed, and the handler gets a `ValidDeal` the store takes as it is.
 */
export interface DealCheck {
  checkDeal(value: unknown): Checked<ValidDeal>
  /** An autosave's changes against the version last accepted (shared/model/deal-changes.ts). */
  checkChanges(value: unknown): CheckedChanges
}

/** `deal:save-changes`: the whole deal the changes make, validated, or `stale` (the page then sends the whole deal). */
export type SavedChanges = { stale: true } | { stale: false; deal: ValidDeal }

function dealChangesArgument(check: DealCheck) {
  return z.custom<DealChanges>(() => true).transform((value, ctx): SavedChanges => {
    const checked = check.checkChanges(value)
    if (checked.ok) return { stale: false, deal: checked.value }
    if ('stale' in checked) return { stale: true }
    for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: issue.path as PropertyKey[] })
    return z.NEVER
  })
}

/** `DealSchema`, checked by `check`; the deal handed on is the validated one. */
function dealArgument(check: DealCheck) {
  return z.custom<Deal>(() => true).transform((value, ctx): ValidDeal => {
    const checked = check.checkDeal(value)
    if (checked.ok) return checked.value
    for (const issue of checked.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, path: issue.path as PropertyKey[] })
    return z.NEVER
  })
}

/**
 * A contract that validates deals with no remembered state refuses them instead: deals are
 * validated by the store's own validator (`channelContract(stores.deals.validator)`), and a
 * call that skipped it must fail loudly rather than save.
 */
const unbound = () => ({ ok: false as const, error: new z.ZodError([{ code: 'custom', path: [], message: "A deal is checked by main's deal store (channelContract(stores.deals.validator)).", input: undefined }]) })
const UNBOUND: DealCheck = { checkDeal: unbound, checkChanges: unbound }

/** The contract with deals checked by `deals` (main binds it to its deal store's validator). */
export function channelContract(deals: DealCheck) {
  const DealArg = dealArgument(deals)
  const DealChangesArg = dealChangesArgument(deals)
  return {
  'workspace:load': { method: 'loadWorkspace', args: z.tuple([]) },
  'settings:update': { method: 'updateSettings', args: z.tuple([SettingsSchema.partial()]) },
  'roster:save': { method: 'saveSeller', args: z.tuple([SellerSchema]) },
  'roster:archive': { method: 'archiveSeller', args: z.tuple([Id, z.boolean()]) },
  'deal:open': { method: 'openDeal', args: z.tuple([Id]) },
  'deal:create': {
    method: 'createDeal',
    // The new-deal form asks for the deal's facts up front; all but the name are optional.
    args: z.tuple([z.strictObject({
      name: Name, customer: ShortText, stage: z.enum(STAGES).optional(), amount: MoneySchema.optional(), closeDate: IsoDate.nullable().optional(),
      competitors: z.array(ShortText).max(LIMITS.competitors).optional(), notes: LongText.optional(),
    })]),
  },
  // DealSchema, validated incrementally (only changed stakeholders are parsed again).
  'deal:save': { method: 'saveDeal', args: z.tuple([DealArg]) },
  // An autosave as changes against the version main last accepted: only those are parsed.
  'deal:save-changes': { method: 'saveDealChanges', args: z.tuple([DealChangesArg]) },
  'deal:duplicate': { method: 'duplicateDeal', args: z.tuple([Id, Name]) },
  'deal:delete': { method: 'deleteDeal', args: z.tuple([Id]) },
  'deal:backups': { method: 'listBackups', args: z.tuple([Id]) },
  'deal:restore-backup': { method: 'restoreBackup', args: z.tuple([Id, z.string().max(200)]) },
  // After a `conflict`: keep mine (theirs backed up), take theirs (mine backed up), or keep both (mine as a new deal named copyName).
  'deal:resolve-conflict': { method: 'resolveConflict', args: z.tuple([z.strictObject({ choice: z.enum(['keep-mine', 'take-theirs', 'keep-both']), mine: DealArg, copyName: Name })]) },
  'deal:export-file': { method: 'exportDealFile', args: z.tuple([Id]) },
  'deal:export-raw': { method: 'exportRawDealFile', args: z.tuple([Id]) },
  'deal:import-preview': { method: 'previewImport', args: z.tuple([ImportText]) },
  // copySuffix: what a copy's name ends with, in the user's language (default " (copy)").
  'deal:import': { method: 'importDeal', args: z.tuple([ImportText, z.strictObject({ asCopy: z.boolean(), copySuffix: CopySuffix.optional() })]) },
  'conflict:open-as-deal': { method: 'openConflictCopyAsDeal', args: z.tuple([ConflictFileName, z.strictObject({ copySuffix: CopySuffix.optional() }).optional()]) },
  'conflict:dismiss': { method: 'dismissConflictCopy', args: z.tuple([ConflictFileName]) },
  'snapshot:list': { method: 'listSnapshots', args: z.tuple([Id]) },
  'snapshot:save': { method: 'saveSnapshot', args: z.tuple([Id, Name]) },
  'snapshot:get': { method: 'getSnapshot', args: z.tuple([Id, Id]) },
  // A shared deal's edits between two snapshots (the second null: until now), each naming its author.
  'snapshot:authors': { method: 'snapshotAuthors', args: z.tuple([Id, Id, Id.nullable()]) },
  'file:save': {
    method: 'saveFile',
    args: z.tuple([z.strictObject({ suggestedName: z.string().min(1).max(200), kind: z.enum(['pptx', 'png', 'svg', 'json', 'csv']), data: Bytes })]),
  },
  'file:pick-text': { method: 'pickTextFile', args: z.tuple([z.enum(['csv', 'json'])]) },
  'clipboard:write-image': { method: 'copyImage', args: z.tuple([Bytes]) },
  'app:open-external': { method: 'openExternal', args: z.tuple([z.string().max(2000)]) },
  'app:info': { method: 'appInfo', args: z.tuple([]) },
  /** The page's language, so main can word the native menu in it. */
  'app:set-language': { method: 'setMenuLanguage', args: z.tuple([z.enum(LANGUAGES)]) },
  // Main opens the file dialog, checks the file is a template, and remembers its path.
  'template:pick': { method: 'pickDeckTemplate', args: z.tuple([]) },
  'template:clear': { method: 'clearDeckTemplate', args: z.tuple([]) },
  // A deck the page built, put into the remembered template (read by main, size-capped).
  'template:apply': { method: 'applyDeckTemplate', args: z.tuple([Bytes]) },
  // Main draws the map (the shared SVG; PNG by resvg) from the deal as shown, then saves or copies it.
  'image:save': {
    method: 'saveMapImage',
    args: z.tuple([z.strictObject({
      deal: DealArg, roster: z.array(SellerSchema).max(LIMITS.roster), language: z.enum(LANGUAGES), today: IsoDate,
      format: z.enum(['png', 'svg', 'copy']), suggestedName: z.string().min(1).max(200),
    })]),
  },
  // Personal growth data (growth.json) and the deals it is read against; never sent with a deal.
  'growth:load': { method: 'loadGrowth', args: z.tuple([]) },
  'growth:save': { method: 'saveSellerGrowth', args: z.tuple([Id, SellerGrowthSchema]) },
  // Collaboration: main holds the socket, the doc and the token (shared/ipc-collab.ts).
  // `earlier`: the deal before each of the page's last undo steps, oldest first (kept undoable after sharing).
  'collab:share': { method: 'shareDeal', args: z.tuple([Id, ShareFields.extend({ earlier: z.array(DealArg).max(MAX_EARLIER_STATES).optional() })]) },
  'collab:join': { method: 'joinSharedDeal', args: COLLAB_CHANNEL_ARGS['collab:join'] },
  'collab:leave': { method: 'leaveSharedDeal', args: COLLAB_CHANNEL_ARGS['collab:leave'] },
  'collab:unshare': { method: 'unshareDeal', args: COLLAB_CHANNEL_ARGS['collab:unshare'] },
  'collab:state': { method: 'collabState', args: COLLAB_CHANNEL_ARGS['collab:state'] },
  'collab:apply': { method: 'applySharedCommands', args: COLLAB_CHANNEL_ARGS['collab:apply'] },
  'collab:undo': { method: 'undoShared', args: COLLAB_CHANNEL_ARGS['collab:undo'] },
  'collab:redo': { method: 'redoShared', args: COLLAB_CHANNEL_ARGS['collab:redo'] },
  'collab:select': { method: 'setSharedSelection', args: COLLAB_CHANNEL_ARGS['collab:select'] },
  'collab:log': { method: 'sharedChangeLog', args: COLLAB_CHANNEL_ARGS['collab:log'] },
  // The account of a deal's customer (docs/method.md, "Accounts"): built from its deals on first use.
  'account:for-deal': { method: 'accountForDeal', args: z.tuple([Id]) },
  'account:overview': { method: 'accountOverview', args: z.tuple([ShortText]) },
  'account:decide': {
    method: 'decideAccountCandidate',
    args: z.tuple([ShortText, z.discriminatedUnion('decision', [
      z.strictObject({ personId: Id, decision: z.literal('reject') }),
      z.strictObject({ personId: Id, decision: z.literal('confirm'), matchId: Id }),
    ])]),
  },
  } as const satisfies { [K in Channel]: { method: (typeof CHANNEL_METHODS)[K]; args: z.ZodTuple } }
}
export type ChannelContract = ReturnType<typeof channelContract>

/**
 * The contract's shape: channel names, methods and argument schemas, for the preload, the
 * browser bridge and tests. Its deal arguments are refused (see `UNBOUND`): main validates
 * calls with the contract bound to its deal store, the one handed out with its handler table.
 */
export const CHANNELS: ChannelContract = channelContract(UNBOUND)

/** What each channel answers with (wrapped in Result). */
export interface ChannelResults extends CollabChannelResults {
  'workspace:load': WorkspaceView
  'settings:update': Settings
  'roster:save': Seller[]
  'roster:archive': Seller[]
  /** `revision`: what the page's first `deal:save-changes` is made against (null: send whole deals). */
  'deal:open': { deal: Deal; notices: Notice[]; revision: string | null }
  'deal:create': Deal
  'deal:save': { savedAt: string; revision: string | null }
  /** `stale`: main does not hold the version the changes were made from; nothing was saved, send the whole deal. */
  'deal:save-changes': { stale: true } | { stale: false; savedAt: string; revision: string | null }
  'deal:duplicate': Deal
  'deal:delete': null
  'deal:backups': BackupInfo[]
  'deal:restore-backup': Deal
  'deal:resolve-conflict': ConflictResolution
  'deal:export-file': SavedFile
  'deal:export-raw': SavedFile
  'deal:import-preview': ImportPreview
  'deal:import': Deal
  'conflict:open-as-deal': Deal
  'conflict:dismiss': null
  'snapshot:list': SnapshotInfo[]
  'snapshot:save': SnapshotInfo
  'snapshot:get': { info: SnapshotInfo; deal: Deal }
  'snapshot:authors': TeamChange[]
  'file:save': SavedFile
  'file:pick-text': { name: string; text: string }
  'clipboard:write-image': null
  'app:open-external': null
  'app:info': AppInfo
  'app:set-language': null
  'template:pick': { name: string }
  'template:clear': null
  'template:apply': Uint8Array<ArrayBuffer>
  'image:save': MapImageSaved
  'growth:load': GrowthView
  'growth:save': GrowthFile
  /** null when the deal has no customer. */
  'account:for-deal': AccountForDeal | null
  'account:overview': AccountOverviewResult
  'account:decide': AccountOverviewResult
}

/** A channel's arguments once the contract validated them (what a handler gets: a deal is a `ValidDeal`). */
export type ChannelArgs<K extends Channel> = z.output<ChannelContract[K]['args']>
/** A channel's arguments as a caller sends them (the page's `window.api`). */
export type ChannelInput<K extends Channel> = z.input<ChannelContract[K]['args']>
export type Handler<K extends Channel> = (...args: ChannelArgs<K>) => Promise<ChannelResults[K]>
/** The key under which a handler table carries the contract its calls are validated with. */
export const CONTRACT: unique symbol = Symbol('contract')
/**
 * Main's handler table: a missing channel fails to compile. It carries its contract, bound to
 * the validator of the store its handlers write to, so its calls are validated once and there.
 */
export type HandlerTable = { [K in Channel]: Handler<K> } & { readonly [CONTRACT]: ChannelContract }

type MethodOf<K extends Channel> = (typeof CHANNELS)[K]['method']
/** The page's `window.api`: one named method per channel, no generic invoke. */
export type Api = {
  [K in Channel as MethodOf<K>]: (...args: ChannelInput<K>) => Promise<Result<ChannelResults[K]>>
} & {
  /** Subscribe to actions chosen in the native menu; returns an unsubscribe function. */
  onMenuAction(listener: (action: MenuActionId) => void): () => void
  /** Subscribe to main's collaboration pushes (state, presence, remote changes); returns an unsubscribe function. */
  onCollabEvent(listener: (event: CollabEvent) => void): () => void
}
