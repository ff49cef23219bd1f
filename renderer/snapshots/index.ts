// The snapshots feature's public face: other features import only what is listed here.
export { ChangeHighlights } from './ChangeHighlights'
export { snapshotActions } from './actions'
export { changesSinceLastSnapshot } from './changes-since-last'
export { snapshotsPanel } from './panel'
