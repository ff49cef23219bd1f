import { api } from '../api'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'
import { i18next } from '../i18n'
import { saveBytes } from './deck-export'
import { useExportStore } from './export-store'
import { mapImageFileName } from './file-names'
import { drawMap, MapImageError } from './map-image'

export type ImageTask = 'png' | 'svg' | 'copy'

/** What happened, as one translated line for the dialog or the notice. */
export interface ImageOutcome {
  tone: 'info' | 'error'
  text: string
  /** Nothing to say (the user cancelled the save dialog). */
  silent?: boolean
}

const t = (key: string, values?: Record<string, unknown>) => i18next.t(`export:${key}`, values ?? {})

/** Save the whole map as PNG (2×) or SVG, or copy it as PNG to the clipboard. */
export async function exportMapImage(task: ImageTask): Promise<ImageOutcome> {
  const deal = useDealStore.getState().deal
  if (!deal) return { tone: 'error', text: t('image.noMap') }
  try {
    const image = await drawMap(task === 'svg' ? 'svg' : 'png')
    const note = image.reduced ? ` ${t('image.reduced', { ratio: image.pixelRatio.toFixed(2) })}` : ''
    if (task === 'copy') {
      const copied = await api.copyImage(image.data)
      if (!copied.ok) return { tone: 'error', text: t('image.copyFailed', { message: copied.error.message }) }
      return { tone: 'info', text: t('image.copied', { width: image.width, height: image.height }) + note }
    }
    const outcome = await saveBytes(mapImageFileName(deal.name, today(), task), task, image.data)
    if (outcome.kind === 'cancelled') return { tone: 'info', text: '', silent: true }
    if (outcome.kind === 'failed') return { tone: 'error', text: t('saveFailed', { message: outcome.message }) }
    return { tone: 'info', text: t('saved', { path: outcome.path }) + note }
  } catch (error) {
    if (error instanceof MapImageError) return { tone: 'error', text: t(error.code === 'empty-map' ? 'image.emptyMap' : 'image.noMap') }
    console.error('Map image export failed', error)
    return { tone: 'error', text: t('image.failed', { message: error instanceof Error ? error.message : String(error) }) }
  }
}

/** Run from the menu, a shortcut or the palette: the result shows as a notice. */
export async function exportMapImageWithNotice(task: ImageTask): Promise<void> {
  const store = useExportStore.getState()
  store.notify('info', t(task === 'copy' ? 'image.copying' : 'image.drawing'))
  const outcome = await exportMapImage(task)
  if (outcome.silent) store.dismissNotice()
  else store.notify(outcome.tone, outcome.text)
}
