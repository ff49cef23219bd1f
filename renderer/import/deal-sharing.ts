import { api, AppFailure, messageOf, unwrap } from '../api'
import { i18next } from '../i18n'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { useImportStore } from './import-store'
import { admitFile } from './incoming-file'

/** Write the open deal (and the sellers it names) to a `.warroom.json` file the user picks. */
export async function exportCurrentDeal(): Promise<string | null> {
  const deal = useDealStore.getState().deal
  if (!deal) return null
  await useDealStore.getState().flush()
  const result = await api.exportDealFile(deal.id)
  if (!result.ok) {
    if (result.error.code !== 'cancelled') useImportStore.getState().fail({ fileName: deal.name, message: result.error.message })
    return null
  }
  return result.value.path
}

/** File → Import deal…: pick a file, validate it in main, show the preview. */
export async function importDealFromMenu(): Promise<void> {
  const picked = await api.pickTextFile('json')
  if (!picked.ok) {
    if (picked.error.code !== 'cancelled') useImportStore.getState().fail({ fileName: '', message: picked.error.message, reason: picked.error.reason })
    return
  }
  await previewDealText(picked.value.name, picked.value.text)
}

export async function previewDealText(fileName: string, text: string): Promise<void> {
  const preview = await api.previewImport(text)
  if (!preview.ok) {
    useImportStore.getState().fail({ fileName, message: preview.error.message, issues: preview.error.issues, reason: preview.error.reason })
    return
  }
  useImportStore.getState().show({ kind: 'deal', fileName, text, preview: preview.value })
}

/**
 * Import after the preview; opens the imported deal. `replacingId` is the stored deal the
 * import takes the place of: that one becomes a single undoable step on its map.
 */
export async function confirmDealImport(text: string, asCopy: boolean, replacingId?: string): Promise<void> {
  try {
    if (replacingId && !asCopy) {
      await replaceFromImport(text, replacingId)
      return
    }
    const deal = unwrap(await api.importDeal(text, { asCopy, copySuffix: i18next.t('import:copySuffix') }))
    useImportStore.getState().close()
    await useWorkspaceStore.getState().load() // new sellers and the new deal
    await useDealStore.getState().open(deal.id)
  } catch (e) {
    useImportStore.getState().fail({ fileName: '', message: messageOf(e), issues: e instanceof AppFailure ? e.issues : undefined, reason: e instanceof AppFailure ? e.reason : undefined })
  }
}

/**
 * Like restoring a backup: the deal being replaced is opened (if it is not already) and its
 * pending edits written, so main backs up its latest state and the map's history holds it;
 * the imported version then lands as one step that Undo takes back.
 */
async function replaceFromImport(text: string, id: string): Promise<void> {
  if (useDealStore.getState().deal?.id !== id) await useDealStore.getState().open(id)
  await useDealStore.getState().flush()
  const deal = unwrap(await api.importDeal(text, { asCopy: false }))
  useImportStore.getState().close()
  await useWorkspaceStore.getState().load() // sellers the file brought
  const current = useDealStore.getState()
  if (current.deal?.id !== id) {
    // The stored deal could not be opened (damaged): nothing to undo to, just show the import.
    await current.open(deal.id)
    return
  }
  current.sealHistory()
  const applied = current.dispatch({ type: 'replace-deal', deal })
  if (!applied.ok) throw applied.error
  current.sealHistory()
}

/** Contacts → Import CSV…: pick a CRM export and open the mapping dialog. */
export async function importCsvFromMenu(): Promise<void> {
  const picked = await api.pickTextFile('csv')
  if (!picked.ok) {
    if (picked.error.code !== 'cancelled') useImportStore.getState().fail({ fileName: '', message: picked.error.message, reason: picked.error.reason })
    return
  }
  useImportStore.getState().show({ kind: 'csv', fileName: picked.value.name, text: picked.value.text })
}

/** A file dropped on the window: a deal file goes to the deal preview, a CSV to the CRM import. */
export async function openDroppedFile(file: File): Promise<void> {
  const name = file.name
  const admitted = await admitFile(file)
  if (!admitted.ok) {
    useImportStore.getState().fail({ fileName: name, message: admitted.message, reason: admitted.reason })
    return
  }
  if (admitted.kind === 'csv') {
    if (!useDealStore.getState().deal) {
      useImportStore.getState().fail({ fileName: name, message: 'csv-needs-deal' })
      return
    }
    useImportStore.getState().show({ kind: 'csv', fileName: name, text: admitted.text })
    return
  }
  await previewDealText(name, admitted.text)
}
