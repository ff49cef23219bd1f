import i18next, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, type Language } from '@shared/model'
import { CATALOG } from '@shared/i18n'

export const SUPPORTED_LANGUAGES: readonly Language[] = LANGUAGES

/** The page reads the same catalog as the deck and the CLI (`shared/i18n`). */
function buildResources(): Resource {
  return CATALOG as unknown as Resource
}

/** The OS / browser locale mapped onto the languages we ship. */
export function systemLanguage(locale: string = globalThis.navigator?.language ?? 'en'): Language {
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en'
}

export function resolveLanguage(setting: 'system' | Language | undefined): Language {
  return !setting || setting === 'system' ? systemLanguage() : setting
}

export function initI18n(setting?: 'system' | Language): typeof i18next {
  const resources = buildResources()
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: resolveLanguage(setting),
      fallbackLng: 'en',
      ns: Object.keys(resources.en ?? {}),
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes already
      initAsync: false,
      returnNull: false,
    })
    i18next.on('languageChanged', tellMainTheLanguage)
    tellMainTheLanguage(i18next.language)
  }
  syncDocumentLanguage()
  return i18next
}

export function applyLanguageSetting(setting: 'system' | Language): void {
  const lng = resolveLanguage(setting)
  if (i18next.language !== lng) void i18next.changeLanguage(lng)
  syncDocumentLanguage()
}

/** Main words the native menu in the page's language; the test bridge or a bare page may have no api. */
function tellMainTheLanguage(lng: string): void {
  const api = (globalThis as { api?: { setMenuLanguage?: (l: Language) => Promise<unknown> } }).api
  const language = (LANGUAGES as readonly string[]).includes(lng) ? (lng as Language) : 'en'
  void api?.setMenuLanguage?.(language)?.catch?.(() => undefined)
}

function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = i18next.language ?? 'en'
}

export { i18next }
