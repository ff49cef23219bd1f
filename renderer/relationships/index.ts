// The relationships feature's public face: other features import only what is listed here.
export { LogContactButton } from './LogContactButton'
export { RelationshipSections } from './RelationshipSections'
export { relationshipActions } from './actions'
export { heatmapPanel } from './heatmap/panel'
export { edit } from './relationship-edits'
