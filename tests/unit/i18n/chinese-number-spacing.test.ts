import { describe, expect, it } from 'vitest'
import { describeMapStatus, joinWords } from '@shared/analysis'
import { CATALOG, makeTranslator } from '@shared/i18n'

const zh = makeTranslator('zh-CN')
const en = makeTranslator('en')

/**
 * Chinese puts a space between a Han character and a number, as the catalog writes
 * "{{count}} 个": a list joined with "和" must read the same ("3 个严重和 5 个警告", not "和5").
 */
describe('numbers in Chinese sentences are spaced as the catalog spaces them', () => {
  const items = (t: typeof zh) => [t('insights:mapStatus.serious', { count: 3 }), t('insights:mapStatus.warningMany', { count: 5 })]

  it('the map badge\'s open findings: "3 个严重和 5 个警告"; English unchanged', () => {
    expect(joinWords(items(zh), zh)).toBe('3 个严重和 5 个警告')
    expect(joinWords(items(en), en)).toBe('3 serious and 5 warnings')
    expect(joinWords(['Grace Liu', 'Omar Haddad'], zh)).toBe('Grace Liu和Omar Haddad') // names, as the catalog writes them
    expect(joinWords(['1 人', '2 人', '3 人'], zh)).toBe('1 人、2 人和 3 人')
    expect(describeMapStatus('red', { error: 3, warning: 5 }, zh)).toBe('红 · 3 个严重 · 5 个警告')
  })

  it('no Chinese sentence of the catalog puts a number right after a Han character or a count without its measure word', () => {
    const bad: string[] = []
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string') {
        if (/\p{Script=Han}\{\{count\}\}|\{\{count\}\}\p{Script=Han}/u.test(node)) bad.push(`${path}: ${node}`)
        if (/\{\{count\}\} (?:待|已|未|在)/u.test(node)) bad.push(`${path}: ${node}`)
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`)
    }
    walk(CATALOG['zh-CN'], 'zh-CN')
    expect(bad).toEqual([])
  })
})
