import type { SidePanel } from '../app'
import { TeamPanel } from './TeamPanel'

export const teamPanel: SidePanel = { id: 'team', titleKey: 'team:panel.title', component: TeamPanel }
