import { ImportDialogs } from '../import/ImportDialogs'
import { FileDropZone } from '../import/FileDropZone'
import { MeetingMode } from '../meeting/MeetingMode'
import { ChangeHighlights } from '../snapshots/ChangeHighlights'
import { CommandPalette } from './CommandPalette'
import { RestoreBackupDialog } from '../backups/RestoreBackupDialog'
import { ExportOverlay } from '../export/ExportOverlay'
import { OutsideEditDialog } from '../conflict/OutsideEditDialog'
import { DealDetailsDialog } from '../deal-details'
import './palette.css'

/** Everything that floats over the window: meeting mode, import dialogs, the palette. */
export function AppOverlays() {
  return (
    <>
      <ChangeHighlights />
      <MeetingMode />
      <ImportDialogs />
      <RestoreBackupDialog />
      <OutsideEditDialog />
      <DealDetailsDialog />
      <ExportOverlay />
      <FileDropZone />
      <CommandPalette />
    </>
  )
}
