import type { Position } from '@shared/model'

/**
 * What the mounted map canvas offers actions that need the viewport (fit, centre).
 * The map registers itself on mount; actions find it here.
 */
export interface MapController {
  fitView(): void
  /** The flow-space point at the middle of the visible canvas. */
  viewportCenter(): Position
  /**
   * The part of the map the user can see, in map coordinates, kept clear of the canvas's
   * edges (where the legend, minimap and zoom buttons sit).
   */
  visibleRect?(): { x: number; y: number; width: number; height: number } | undefined
  /** Pan (keeping the zoom) so this map point is in the middle of the view. */
  panTo?(point: Position): void
  /** Pan to a card without changing zoom more than needed. */
  centerOn(id: string): void
}

let current: MapController | null = null

export function registerMapController(controller: MapController | null): void {
  current = controller
}

export function mapController(): MapController | null {
  return current
}
