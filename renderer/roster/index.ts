// The roster feature's public face: other features import only what is listed here.
export { RosterDialog } from './RosterDialog'
export { openRoster } from './roster-store'
