import { describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n'

// A new card shows its stance in the header and its buying role in a chip below. When both are
// unknown the two must not read the same word, or the reader cannot tell which one is missing
// (in Chinese both read "未知").
describe('the words on a card with nothing known yet', () => {
  it.each(['en', 'zh-CN'] as const)('%s: the unknown role chip and the unknown stance read differently', (lang) => {
    expect(translate(lang, 'map:buyingRoleShort.unknown')).not.toBe(translate(lang, 'map:stance.unknown'))
  })
})
