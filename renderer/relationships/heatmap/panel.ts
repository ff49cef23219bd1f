import type { SidePanel } from '../../app'
import { Heatmap } from './Heatmap'

export const heatmapPanel: SidePanel = { id: 'heatmap', titleKey: 'relationships:heatmap.title', component: Heatmap }
