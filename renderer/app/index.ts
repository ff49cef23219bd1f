// The app feature's public face: other features import only what is listed here.
export { App } from './App'
export { actions, isActionEnabled, runAction, type AppAction } from './actions'
export { type SidePanel } from './panels'
export { describeShortcut } from './shortcut-keys'
