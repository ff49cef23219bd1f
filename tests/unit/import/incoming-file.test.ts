import { describe, expect, it } from 'vitest'
import { checkIncomingFile, checkIncomingText, utf8Length } from '@shared/import'
import { LIMITS } from '@shared/model'

describe('the entry check every incoming file passes', () => {
  it('takes the kind from the extension, whatever its case, and refuses other kinds, empty files and files over the cap', () => {
    expect(checkIncomingFile({ name: 'Deal.WARROOM.JSON', size: 10 })).toEqual({ ok: true, kind: 'json' })
    expect(checkIncomingFile({ name: 'contacts.Csv', size: 10 })).toEqual({ ok: true, kind: 'csv' })
    expect(checkIncomingFile({ name: 'contacts.csv', size: 10 }, ['json'])).toMatchObject({ ok: false, refusal: { reason: 'wrong-kind', accepted: ['json'] } })
    expect(checkIncomingFile({ name: 'notes.txt', size: 10 })).toMatchObject({ ok: true, kind: 'csv' }) // Excel's "Unicode Text" export
    expect(checkIncomingFile({ name: 'deck.pptx', size: 10 })).toMatchObject({ ok: false, refusal: { reason: 'wrong-kind' } })
    expect(checkIncomingFile({ name: 'a.json', size: 0 })).toMatchObject({ ok: false, refusal: { reason: 'empty' } })
    expect(checkIncomingFile({ name: 'a.json', size: LIMITS.fileBytes })).toMatchObject({ ok: true })
    expect(checkIncomingFile({ name: 'a.csv', size: LIMITS.fileBytes + 1 })).toMatchObject({ ok: false, refusal: { reason: 'too-large', limitMb: 50 } })
  })

  it('measures text in UTF-8 bytes, as it weighed on disk', () => {
    expect(utf8Length('aé中😀')).toBe(1 + 2 + 3 + 4)
    expect(utf8Length('\ud800x')).toBe(3 + 1) // a lone surrogate is written as U+FFFD
    expect(checkIncomingText('')).toMatchObject({ reason: 'empty' })
    expect(checkIncomingText('{}')).toBeNull()
    expect(checkIncomingText('中'.repeat(LIMITS.fileBytes / 3 + 1))).toMatchObject({ reason: 'too-large' })
  })
})
