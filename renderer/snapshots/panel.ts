import type { SidePanel } from '../app'
import { SnapshotsPanel } from './SnapshotsPanel'

export const snapshotsPanel: SidePanel = { id: 'snapshots', titleKey: 'snapshots:panelTitle', component: SnapshotsPanel }
