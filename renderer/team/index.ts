// The team feature's public face: other features import only what is listed here.
export { CoverageOverlay } from './CoverageOverlay'
export { teamActions } from './actions'
export { teamPanel } from './panel'
