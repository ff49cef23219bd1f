import { describe, expect, it } from 'vitest'
import type { Notice, NoticeCode } from '@shared/ipc'
import { hasPhrase, makeTranslator, noticeText } from '@shared/i18n'

// Exhaustive: a new notice code fails to compile here until it is listed (and worded).
const CODES: Record<NoticeCode, true> = {
  'file-unreadable': true, 'damaged-left-in-place': true, 'damaged-no-backup': true, 'restored-from-backup': true,
  'restore-failed': true, 'snapshot-damaged-set-aside': true, 'snapshot-damaged-left-in-place': true, 'deal-list-rebuilt': true,
  'account-linked-by-email': true, 'account-refreshed': true,
}

describe('main\'s notices in the page', () => {
  it.each(Object.keys(CODES))('%s has a sentence in English and Chinese', (code) => {
    expect(hasPhrase('en', `notices:${code}`)).toBe(true)
    expect(hasPhrase('zh-CN', `notices:${code}`)).toBe(true)
  })

  it('says a restored backup in the user\'s language, with the file and the times filled in', () => {
    const notice: Notice = {
      level: 'warning', code: 'restored-from-backup', subject: { kind: 'deal-file', name: 'd1.json' },
      params: { reason: 'not JSON', aside: 'd1.corrupt-1.json', when: '2026-03-01T10:00:00.000Z' },
      message: 'The deal file d1.json was damaged (not JSON). It was set aside as d1.corrupt-1.json and the backup from 2026-03-01T10:00:00.000Z was restored.',
    }
    expect(noticeText(notice, makeTranslator('en'))).toBe(notice.message) // main's English line and the page's agree
    expect(noticeText(notice, makeTranslator('zh-CN'))).toBe('商机文件 d1.json曾损坏（not JSON）。它已另存为 d1.corrupt-1.json，并已恢复 2026-03-01T10:00:00.000Z 的备份。')
  })

  it('counts the rebuilt deal list with plurals', () => {
    const notice: Notice = { level: 'warning', code: 'deal-list-rebuilt', params: { count: 1 }, subject: { kind: 'workspace' }, message: '' }
    expect(noticeText(notice, makeTranslator('en'))).toBe('The deal list was rebuilt from 1 deal file; settings were reset to their defaults.')
  })
})
