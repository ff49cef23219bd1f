import { describe, expect, it } from 'vitest'
import { Id } from '@shared/model'
import { fileNameOfId, fileStemOfId, idOfFileStem, sameId } from '@shared/file-names'

describe('fileNameOfId', () => {
  it('gives ids that differ only in case the same file name, so a case-insensitive disk sees what the app sees', () => {
    expect(fileNameOfId('ABC')).toBe(fileNameOfId('abc'))
    expect(fileNameOfId('Deal-42_x')).toBe('deal-42_x.json')
    expect(sameId('ABC', 'abc')).toBe(true)
    expect(sameId('abc', 'abd')).toBe(false)
    // Different ids under case folding never share a name.
    expect(fileNameOfId('ab-c')).not.toBe(fileNameOfId('abc'))
  })

  it('never yields a Windows reserved device name, with or without an extension, in any case', () => {
    const reserved = ['CON', 'con', 'Prn', 'aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM0', 'LPT0']
    for (const id of reserved) {
      const stem = fileStemOfId(id)
      expect(stem.split('.')[0].toUpperCase(), id).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/)
      expect(fileNameOfId(id)).toMatch(/\.json$/)
      expect(idOfFileStem(stem)).toBe(id.toLowerCase())
    }
    // The escaped name cannot be another id's name: "con_" and "con-" are ids of their own.
    const names = new Set(['con', 'con_', 'con-', 'conx', 'com10', 'lpt'].map(fileNameOfId))
    expect(names.size).toBe(6)
    expect(fileNameOfId('com10')).toBe('com10.json')
    expect(fileNameOfId('console')).toBe('console.json')
  })

  it('refuses what no OS can store safely: empty, too long, dots, spaces, separators', () => {
    for (const bad of ['', 'a'.repeat(65), 'abc.', 'abc ', ' abc', 'a/b', 'a\\b', '..', 'a:b', 'a.json', 'NUL.txt']) {
      expect(() => fileNameOfId(bad), JSON.stringify(bad)).toThrow()
    }
    const longest = fileNameOfId('A'.repeat(64))
    expect(longest.length).toBeLessThanOrEqual(70)
  })

  it('refuses non-ASCII ids, so NFC and NFD spellings can never name two files (ids are ASCII by schema)', () => {
    const nfc = 'caf\u00e9'
    const nfd = 'cafe\u0301'
    expect(nfc.normalize('NFD')).toBe(nfd)
    for (const id of [nfc, nfd, 'straße', 'İd', 'ﬁle', 'ＡＢＣ']) {
      expect(() => fileNameOfId(id), id).toThrow()
      expect(Id.safeParse(id).success, id).toBe(false)
    }
  })

  it('maps every stem it produces back to the case-folded id', () => {
    for (const id of ['abc', 'ABC', 'con', 'Lpt3', 'x_-9']) expect(idOfFileStem(fileStemOfId(id))).toBe(id.toLowerCase())
    expect(idOfFileStem('con')).toBe('con') // a legacy name written before reserved names were escaped
    expect(idOfFileStem('bad.name')).toBeNull()
    expect(idOfFileStem('nope~')).toBeNull()
  })
})
