/** Working as a team (#16): share, join, leave; the sync state, presence and colleagues' selections. */
import './collab.css'
export { CollabBar } from './CollabBar'
export { ShareDialog } from './ShareDialog'
export { RemoteSelections } from './RemoteSelections'
export { collabActions } from './actions'
export { useCollabSync } from './use-collab-sync'
export { useCollabStore } from './collab-store'
