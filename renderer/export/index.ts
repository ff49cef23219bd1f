// The export feature's public face: other features import only what is listed here.
export { ExportOverlay } from './ExportOverlay'
export { exportActions } from './actions'
