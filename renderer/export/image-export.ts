import type { Language } from '@shared/model'
import { api } from '../api'
import { useDealStore } from '../state/deal-store'
import { today } from '../state/today'
import { useWorkspaceStore } from '../state/workspace-store'
import { i18next } from '../i18n'
import { useExportStore } from './export-store'
import { mapImageFileName } from './file-names'

export type ImageTask = 'png' | 'svg' | 'copy'

/** What happened, as one translated line for the dialog or the notice. */
export interface ImageOutcome {
  tone: 'info' | 'error'
  text: string
  /** Nothing to say (the user cancelled the save dialog). */
  silent?: boolean
}

const t = (key: string, values?: Record<string, unknown>) => i18next.t(`export:${key}`, values ?? {})

/**
 * Save the whole map as PNG (2×) or SVG, or copy it as PNG. Main draws it from the deal as
 * shown (the same vector picture as `war-room export --svg`, PNG by resvg), with the deal's
 * title, the date and the legend, in the language the app speaks.
 */
export async function exportMapImage(task: ImageTask): Promise<ImageOutcome> {
  const deal = useDealStore.getState().deal
  if (!deal) return { tone: 'error', text: t('image.noMap') }
  if (deal.stakeholders.length === 0) return { tone: 'error', text: t('image.emptyMap') }
  const language: Language = i18next.language === 'zh-CN' ? 'zh-CN' : 'en'
  const result = await api.saveMapImage({
    deal, roster: useWorkspaceStore.getState().roster, language, today: today(),
    format: task, suggestedName: mapImageFileName(deal.name, today(), task === 'svg' ? 'svg' : 'png'),
  })
  if (!result.ok) {
    if (result.error.code === 'cancelled') return { tone: 'info', text: '', silent: true }
    if (task === 'copy') return { tone: 'error', text: t('image.copyFailed', { message: result.error.message }) }
    return { tone: 'error', text: t(result.error.code === 'io' ? 'saveFailed' : 'image.failed', { message: result.error.message }) }
  }
  const { path, width, height } = result.value
  if (task === 'copy' || path === null) return { tone: 'info', text: t('image.copied', { width, height }) }
  return { tone: 'info', text: t('saved', { path }) }
}

/** Run from the menu, a shortcut or the palette: the result shows as a notice. */
export async function exportMapImageWithNotice(task: ImageTask): Promise<void> {
  const store = useExportStore.getState()
  store.notify('info', t(task === 'copy' ? 'image.copying' : 'image.drawing'))
  const outcome = await exportMapImage(task)
  if (outcome.silent) store.dismissNotice()
  else store.notify(outcome.tone, outcome.text)
}
