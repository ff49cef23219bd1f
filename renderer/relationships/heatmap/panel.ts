import type { SidePanel } from '../../app/panels'
import { Heatmap } from './Heatmap'

export const heatmapPanel: SidePanel = { id: 'heatmap', titleKey: 'relationships:heatmap.title', component: Heatmap }
