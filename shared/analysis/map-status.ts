import type { Deal } from '../model'
import { isKeyPlayer, isSigner, isSupportive } from './key-players'

export type MapStatus = 'red' | 'amber' | 'green'

/**
 * Map status as relationship-map tools use it (docs/method.md#map-status): red = no supportive key
 * player; amber = some; green = the supportive key players include the decision maker or an
 * approver. Supportive = champion or supporter.
 */
export function mapStatus(deal: Pick<Deal, 'stakeholders'>): MapStatus {
  let supportiveKeyPlayer = false
  for (const s of deal.stakeholders) {
    if (!isKeyPlayer(s) || !isSupportive(s)) continue
    if (isSigner(s)) return 'green'
    supportiveKeyPlayer = true
  }
  return supportiveKeyPlayer ? 'amber' : 'red'
}
