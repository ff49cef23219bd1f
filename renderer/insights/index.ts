// The insights feature's public face: other features import only what is listed here.
export { MapStatusBadge } from './MapStatusBadge'
export { insightsPanel } from './panel'
export { CoverageMeters } from './CoverageMeters'
