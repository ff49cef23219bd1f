import type { ComponentType } from 'react'
import { Inspector } from '../map'
import { snapshotsPanel } from '../snapshots'
import { insightsPanel } from '../insights'
import { heatmapPanel } from '../relationships'
import { teamPanel } from '../team'

/**
 * The tabs of the deal view's side panel. A feature adds its panel by appending here;
 * `titleKey` is an i18next key (`namespace:key`).
 */
export interface SidePanel {
  id: string
  titleKey: string
  component: ComponentType
}

export const panels: SidePanel[] = [{ id: 'inspector', titleKey: 'map:inspector.title', component: Inspector }, teamPanel, snapshotsPanel, insightsPanel, heatmapPanel]
