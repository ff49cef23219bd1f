// The page's entry: as small as it can be, so main is asked for the workspace while the app's
// chunk (React, the map, the panels) is still being fetched and parsed (docs/performance.md,
// "Open, part 3"). Everything else starts in app-entry.tsx.
import { askForWorkspaceEarly } from './state/early-workspace'

askForWorkspaceEarly()
void import('./app-entry')
