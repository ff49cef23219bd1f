import type { Language } from '../model/enums'
import { CATALOG, NAMESPACES, type Namespace, type Words } from './catalog'

/** Values put into a phrase: `{{name}}` is replaced by `params.name`; `count` also picks the plural. */
export type TranslateParams = Readonly<Record<string, string | number | null | undefined>>

/** The same shape as i18next's `t`, so shared code can take either one. */
export type Translator = (key: string, params?: TranslateParams) => string

const DEFAULT_NAMESPACE: Namespace = 'common'
const FALLBACK: Language = 'en'
const pluralRules = new Map<Language, Intl.PluralRules>()

/**
 * One phrase from the catalog, read the way i18next reads it in the page: `ns:path.to.key`
 * (namespace `common` when none is given), `{{name}}` interpolation without escaping, and
 * `key_one` / `key_other` chosen by `params.count` with the language's plural rules. A key
 * missing in the language falls back to English, then to the key itself, as i18next does.
 */
export function translate(lang: Language, key: string, params: TranslateParams = {}): string {
  const phrase = lookup(lang, key, params.count) ?? (lang === FALLBACK ? undefined : lookup(FALLBACK, key, params.count))
  return phrase === undefined ? key : interpolate(phrase, params)
}

/** `translate` bound to one language: the `t` the deck, the change sentences and the CLI pass around. */
export function makeTranslator(lang: Language): Translator {
  return (key, params) => translate(lang, key, params)
}

/** Whether the catalog has this key (in any plural form) for the language, without falling back. */
export function hasPhrase(lang: Language, key: string): boolean {
  return lookup(lang, key, undefined) !== undefined || lookup(lang, key, 2) !== undefined
}

function lookup(lang: Language, key: string, count: TranslateParams['count']): string | undefined {
  const { ns, path } = splitKey(key)
  const words = CATALOG[lang][ns]
  if (typeof count === 'number') {
    const form = pluralOf(lang, count)
    const plural = at(words, path, `_${form}`) ?? at(words, path, '_other')
    if (plural !== undefined) return plural
  }
  return at(words, path, '')
}

function splitKey(key: string): { ns: Namespace; path: string[] } {
  const colon = key.indexOf(':')
  const ns = colon > 0 ? key.slice(0, colon) : ''
  if (ns && (NAMESPACES as readonly string[]).includes(ns)) return { ns: ns as Namespace, path: key.slice(colon + 1).split('.') }
  return { ns: DEFAULT_NAMESPACE, path: key.split('.') }
}

function at(words: Words, path: readonly string[], suffix: string): string | undefined {
  let node: Words | string | readonly string[] | undefined = words
  for (let i = 0; i < path.length; i += 1) {
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined
    const segment: string = i === path.length - 1 ? path[i] + suffix : path[i]
    node = (node as Words)[segment]
  }
  return typeof node === 'string' ? node : undefined
}

function pluralOf(lang: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang)
  if (!rules) {
    rules = new Intl.PluralRules(lang)
    pluralRules.set(lang, rules)
  }
  return rules.select(count)
}

function interpolate(phrase: string, params: TranslateParams): string {
  return phrase.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    // As i18next: a value never passed stays visible; one passed as null or undefined is empty.
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole
    const value = params[name]
    return value === undefined || value === null ? '' : String(value)
  })
}
