import type { Notice } from '../ipc'
import type { Translator } from './translate'

/** A notice from main, in the translator's language: its code picks the sentence, its params fill it. */
export function noticeText(notice: Notice, t: Translator): string {
  const s = notice.subject
  const subject = !s ? t('notices:subject.none')
    : s.kind === 'deal-file' ? t('notices:subject.deal-file', { name: s.name })
      : s.kind === 'snapshots' ? t('notices:subject.snapshots', { dealId: s.dealId })
        : s.kind === 'growth' ? t('notices:subject.growth')
        : s.kind === 'account' ? t('notices:subject.account', { customer: s.customer })
        : t('notices:subject.workspace')
  const key = `notices:${notice.code}`
  const text = t(key, { ...notice.params, subject })
  // A notice from a newer main whose code this page does not know still says something.
  return text === key ? notice.message : text
}
