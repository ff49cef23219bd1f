import { decodeCsvBytes } from '@shared/import'
import { api, AppFailure, messageOf, unwrap } from '../api'
import { useDealStore } from '../state/deal-store'
import { useWorkspaceStore } from '../state/workspace-store'
import { useImportStore } from './import-store'

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
  const picked = await api.pickImportFile()
  if (!picked.ok) {
    if (picked.error.code !== 'cancelled') useImportStore.getState().fail({ fileName: '', message: picked.error.message })
    return
  }
  await previewDealText(picked.value.name, picked.value.text)
}

export async function previewDealText(fileName: string, text: string): Promise<void> {
  const preview = await api.previewImport(text)
  if (!preview.ok) {
    useImportStore.getState().fail({ fileName, message: preview.error.message, issues: preview.error.issues })
    return
  }
  useImportStore.getState().show({ kind: 'deal', fileName, text, preview: preview.value })
}

/** Import after the preview; opens the imported deal. */
export async function confirmDealImport(text: string, asCopy: boolean): Promise<void> {
  try {
    const deal = unwrap(await api.importDeal(text, { asCopy }))
    useImportStore.getState().close()
    await useWorkspaceStore.getState().load() // new sellers and the new deal
    await useDealStore.getState().open(deal.id)
  } catch (e) {
    useImportStore.getState().fail({ fileName: '', message: messageOf(e), issues: e instanceof AppFailure ? e.issues : undefined })
  }
}

/** Contacts → Import CSV…: pick a CRM export and open the mapping dialog. */
export async function importCsvFromMenu(): Promise<void> {
  const picked = await api.pickTextFile('csv')
  if (!picked.ok) {
    // A file refused for its encoding comes with a reason code, said in the user's language.
    const message = picked.error.reason?.startsWith('csv-') ? picked.error.reason : picked.error.message
    if (picked.error.code !== 'cancelled') useImportStore.getState().fail({ fileName: '', message })
    return
  }
  useImportStore.getState().show({ kind: 'csv', fileName: picked.value.name, text: picked.value.text })
}

/** A file dropped on the window: a deal file goes to the deal preview, a CSV to the CRM import. */
export async function openDroppedFile(file: File): Promise<void> {
  const name = file.name
  if (/\.csv$/i.test(name)) {
    if (!useDealStore.getState().deal) {
      useImportStore.getState().fail({ fileName: name, message: 'csv-needs-deal' })
      return
    }
    // The same decoding as a file picked through the menu (in main): UTF-16, GBK, or refused.
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
    if (!decoded.ok) {
      useImportStore.getState().fail({ fileName: name, message: `csv-${decoded.reason}` })
      return
    }
    useImportStore.getState().show({ kind: 'csv', fileName: name, text: decoded.text })
    return
  }
  await previewDealText(name, await file.text())
}
