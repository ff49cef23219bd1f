import { Legend } from './Legend'
import { CycleWarning } from './CycleWarning'
import { ConnectionPopover } from './ConnectionPopover'
import { RefusalToast } from './RefusalToast'
import { EmptyMapHint } from './EmptyMapHint'
import { CoverageOverlay } from '../team'
import { FocusBanner } from './FocusBanner'

/** Things drawn over the canvas corners. */
export function MapOverlays() {
  return (
    <>
      <Legend />
      <CycleWarning />
      <ConnectionPopover />
      <RefusalToast />
      <EmptyMapHint />
      <CoverageOverlay />
      <FocusBanner />
    </>
  )
}
