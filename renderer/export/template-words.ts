import type { AppError } from '@shared/ipc'
import type { TemplateErrorCode } from '@shared/deck/template'
import { i18next } from '../i18n'

const REASONS: readonly TemplateErrorCode[] = ['too-large', 'not-zip', 'not-presentation', 'unpacks-too-large', 'no-layouts']

/**
 * Why a template cannot be used, in the user's language: main sends the reason code with its
 * English sentence; a reason we have no words for (the disk refused) keeps main's sentence.
 */
export function templateRefusal(error: AppError, name?: string): string {
  const t = (key: string, values?: Record<string, unknown>) => i18next.t(`export:${key}`, values ?? {})
  if (error.reason && (REASONS as readonly string[]).includes(error.reason)) {
    const reason = t(`template.error.${error.reason}`)
    return name === undefined ? t('template.refusedPicked', { reason }) : t('template.refused', { name, reason })
  }
  return t('template.unreadable', { name: name ?? '', message: error.message })
}
