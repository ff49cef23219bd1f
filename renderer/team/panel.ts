import type { SidePanel } from '../app/panels'
import { TeamPanel } from './TeamPanel'

export const teamPanel: SidePanel = { id: 'team', titleKey: 'team:panel.title', component: TeamPanel }
