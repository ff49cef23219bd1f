// The palette feature's public face: other features import only what is listed here.
export { AppOverlays } from './AppOverlays'
export { paletteActions } from './actions'
