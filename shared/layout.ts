import type { Deal } from './model/deal'
import { orgChartPositions, type OrgChartMove, type OrgChartOptions } from './org-chart'

/**
 * "Tidy": the org chart of shared/org-chart.ts as moves for the map. Kept async so callers
 * need not change if the layout ever moves to a worker; it is synchronous and takes a few
 * milliseconds for 1,000 people (docs/layout.md says why it is not elkjs any more).
 */
export type LayoutMove = OrgChartMove


/** New positions for every stakeholder laid out (top-left corners, flow coordinates). */
export async function layoutDeal(deal: Pick<Deal, 'stakeholders' | 'links'>, options?: OrgChartOptions): Promise<LayoutMove[]> {
  return orgChartPositions(deal, options).positions
}
