import { describe, expect, it } from 'vitest'
import { CATALOG, NAMESPACES, type Words } from '@shared/i18n'

/** Every key path of a namespace, nested, with plural suffixes folded (Chinese has only `_other`). */
function keyPaths(words: Words, prefix = ''): string[] {
  return Object.entries(words).flatMap(([k, v]) =>
    typeof v === 'string' || Array.isArray(v) ? [prefix + k.replace(/_(zero|one|two|few|many|other)$/, '')] : keyPaths(v as Words, `${prefix}${k}.`))
}

function leaves(words: Words, prefix = ''): [string, string][] {
  return Object.entries(words).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]]
      : Array.isArray(v) ? v.map((s, i): [string, string] => [`${prefix}${k}.${i}`, s])
        : leaves(v as Words, `${prefix}${k}.`))
}

/** Keys present in one list and not the other, both ways. */
export function missingKeys(a: Words, b: Words): { onlyInA: string[]; onlyInB: string[] } {
  const ka = new Set(keyPaths(a))
  const kb = new Set(keyPaths(b))
  return { onlyInA: [...ka].filter((k) => !kb.has(k)).sort(), onlyInB: [...kb].filter((k) => !ka.has(k)).sort() }
}

/** A run of two or more characters (or a word) said twice in a row: "控制 控制", "团队团队". */
export function repeatsItself(text: string): boolean {
  return /(\p{Script=Han}{2,})\s*\1/u.test(text) || /\b(\p{L}{3,})\s+\1\b/u.test(text)
}

describe('the catalog', () => {
  it.each(NAMESPACES)('%s has the same keys in English and Chinese', (ns) => {
    expect(missingKeys(CATALOG.en[ns], CATALOG['zh-CN'][ns])).toEqual({ onlyInA: [], onlyInB: [] })
  })

  it('a missing nested key is caught', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: '甲' } })).toEqual({ onlyInA: ['a.c'], onlyInB: [] })
    expect(missingKeys({ n_one: '1', n_other: 'n' }, { n_other: 'n' })).toEqual({ onlyInA: [], onlyInB: [] })
  })

  it('no Chinese phrase says the same word twice in a row', () => {
    expect(repeatsItself('控制 控制')).toBe(true)
    expect(repeatsItself('控制')).toBe(false)
    const doubled = NAMESPACES.flatMap((ns) => leaves(CATALOG['zh-CN'][ns]).filter(([, v]) => repeatsItself(v)).map(([k, v]) => `${ns}:${k} = ${v}`))
    expect(doubled).toEqual([])
  })

  it('a Chinese label never repeats the label it is shown beside', () => {
    // The lane title shows a role's name and, for readers of English, the Chinese term beside it.
    // In Chinese both are the same word, so the page must not show the second one.
    const zh = CATALOG['zh-CN'].team as Record<string, Record<string, string>>
    for (const role of ['control', 'support', 'attack']) {
      const title = [zh.role[role], zh.roleChinese[role]].filter(Boolean).join(' ')
      expect(repeatsItself(title), title).toBe(false)
    }
  })
})
