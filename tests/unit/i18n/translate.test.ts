import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { CATALOG, makeTranslator, translate } from '@shared/i18n'

describe('translate', () => {
  it('reads a namespaced key, nested, in each language', () => {
    expect(translate('en', 'map:stance.champion')).toBe('Champion')
    expect(translate('zh-CN', 'common:stage.won')).toBe('赢单')
    expect(translate('en', 'stage.won')).toBe('Won') // common is the default namespace
  })

  it('fills {{name}} and picks the plural from count as the language counts', () => {
    expect(translate('en', 'common:deals.people', { count: 1 })).toBe('1 person')
    expect(translate('en', 'common:deals.people', { count: 3 })).toBe('3 people')
    expect(translate('zh-CN', 'common:deals.people', { count: 1 })).toBe('1 人')
    expect(translate('en', 'common:deals.copyName', { name: 'Acme' })).toBe('Acme (copy)')
  })

  it('falls back to English, then to the key, like the page', () => {
    expect(translate('zh-CN', 'common:no.such.key')).toBe('common:no.such.key')
    expect(translate('en', 'common:deals.copyName')).toBe('{{name}} (copy)')
  })

  it('reads every phrase of the catalog exactly as i18next does in the page', async () => {
    const page = i18next.createInstance()
    await page.init({ resources: CATALOG as never, lng: 'en', fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false } })
    const params = { count: 2, name: 'N', from: 'F', to: 'T', message: 'M', date: 'D', seat: 'S', role: 'R' }
    for (const lang of ['en', 'zh-CN'] as const) {
      const t = makeTranslator(lang)
      const pageT = page.getFixedT(lang)
      for (const [ns, words] of Object.entries(CATALOG[lang])) {
        for (const key of leafKeys(words)) {
          const plain = key.replace(/_(one|other)$/, '')
          expect(t(`${ns}:${plain}`, params), `${lang} ${ns}:${plain}`).toBe(pageT(`${ns}:${plain}`, params))
        }
      }
    }
  })
})

function leafKeys(words: object, prefix = ''): string[] {
  return Object.entries(words).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : Array.isArray(v) ? [] : leafKeys(v as object, `${prefix}${k}.`))
}
