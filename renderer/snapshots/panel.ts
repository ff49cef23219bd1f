import type { SidePanel } from '../app/panels'
import { SnapshotsPanel } from './SnapshotsPanel'

export const snapshotsPanel: SidePanel = { id: 'snapshots', titleKey: 'snapshots:panelTitle', component: SnapshotsPanel }
