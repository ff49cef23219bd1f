// The app's words, one file per namespace and language. Both the page (through i18next) and
// the deck, the change sentences and the CLI (through translate()) read this one catalog, so a
// label can never differ between the screen and a slide. Static imports keep it pure TypeScript
// that vite, vitest and the Node CLI all load the same way.
import type { Language } from '../model/enums'
import enAccounts from './en/accounts.json'
import enBackups from './en/backups.json'
import enChanges from './en/changes.json'
import enCollab from './en/collab.json'
import enCommon from './en/common.json'
import enConflict from './en/conflict.json'
import enDealDetails from './en/dealDetails.json'
import enDeck from './en/deck.json'
import enExport from './en/export.json'
import enGrowth from './en/growth.json'
import enImport from './en/import.json'
import enInsights from './en/insights.json'
import enMap from './en/map.json'
import enMeeting from './en/meeting.json'
import enMenu from './en/menu.json'
import enNotices from './en/notices.json'
import enPalette from './en/palette.json'
import enPeople from './en/people.json'
import enRelationships from './en/relationships.json'
import enSnapshots from './en/snapshots.json'
import enTeam from './en/team.json'
import zhAccounts from './zh-CN/accounts.json'
import zhBackups from './zh-CN/backups.json'
import zhChanges from './zh-CN/changes.json'
import zhCollab from './zh-CN/collab.json'
import zhCommon from './zh-CN/common.json'
import zhConflict from './zh-CN/conflict.json'
import zhDealDetails from './zh-CN/dealDetails.json'
import zhDeck from './zh-CN/deck.json'
import zhExport from './zh-CN/export.json'
import zhGrowth from './zh-CN/growth.json'
import zhImport from './zh-CN/import.json'
import zhInsights from './zh-CN/insights.json'
import zhMap from './zh-CN/map.json'
import zhMeeting from './zh-CN/meeting.json'
import zhMenu from './zh-CN/menu.json'
import zhNotices from './zh-CN/notices.json'
import zhPalette from './zh-CN/palette.json'
import zhPeople from './zh-CN/people.json'
import zhRelationships from './zh-CN/relationships.json'
import zhSnapshots from './zh-CN/snapshots.json'
import zhTeam from './zh-CN/team.json'

export const NAMESPACES = [
  'accounts', 'backups', 'changes', 'collab', 'common', 'conflict', 'dealDetails', 'deck', 'export', 'growth', 'import', 'insights', 'map', 'meeting', 'menu', 'notices',
  'palette', 'people', 'relationships', 'snapshots', 'team',
] as const
export type Namespace = (typeof NAMESPACES)[number]

/** A namespace's words: nested objects of strings (a few lists, such as prompts, are arrays). */
export interface Words { readonly [key: string]: string | readonly string[] | Words }

export const CATALOG: Readonly<Record<Language, Readonly<Record<Namespace, Words>>>> = {
  en: {
    accounts: enAccounts,
    backups: enBackups,
    changes: enChanges,
    collab: enCollab,
    common: enCommon,
    conflict: enConflict,
    dealDetails: enDealDetails,
    deck: enDeck,
    export: enExport,
    growth: enGrowth,
    import: enImport,
    insights: enInsights,
    map: enMap,
    meeting: enMeeting,
    menu: enMenu,
    notices: enNotices,
    palette: enPalette,
    people: enPeople,
    relationships: enRelationships,
    snapshots: enSnapshots,
    team: enTeam,
  },
  'zh-CN': {
    accounts: zhAccounts,
    backups: zhBackups,
    changes: zhChanges,
    collab: zhCollab,
    common: zhCommon,
    conflict: zhConflict,
    dealDetails: zhDealDetails,
    deck: zhDeck,
    export: zhExport,
    growth: zhGrowth,
    import: zhImport,
    insights: zhInsights,
    map: zhMap,
    meeting: zhMeeting,
    menu: zhMenu,
    notices: zhNotices,
    palette: zhPalette,
    people: zhPeople,
    relationships: zhRelationships,
    snapshots: zhSnapshots,
    team: zhTeam,
  },
}
