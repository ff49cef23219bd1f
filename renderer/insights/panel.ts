import type { SidePanel } from '../app'
import { InsightsPanel } from './InsightsPanel'

export const insightsPanel: SidePanel = { id: 'insights', titleKey: 'insights:panelTitle', component: InsightsPanel }
