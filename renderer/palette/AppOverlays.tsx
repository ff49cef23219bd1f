import { ImportDialogs } from '../import'
import { FileDropZone } from '../import'
import { MeetingMode } from '../meeting'
import { ChangeHighlights } from '../snapshots'
import { CommandPalette } from './CommandPalette'
import { RestoreBackupDialog } from '../backups'
import { ExportOverlay } from '../export'
import { OutsideEditDialog } from '../conflict'
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
