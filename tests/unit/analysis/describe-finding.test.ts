import { describe, expect, it } from 'vitest'
import { analyzeDeal, DEAL_FINDING_CODES, describeFinding, describeMapStatus, TEAM_FINDING_CODES } from '@shared/analysis'
import { initI18n } from '../../../renderer/i18n'
import { aDeal, aSeller } from '../../fixtures/builders'

// One describeFinding for every view: the words come from the catalog through an injected t.
const i18n = initI18n('en')
const en = i18n.getFixedT('en')
const zh = i18n.getFixedT('zh-CN')

const anna = aSeller('anna', { name: 'Anna', level: 'senior', kinds: ['account'] })
const deal = aDeal().seat(anna, 'account')
  .withStakeholder('x', { name: 'Xu Ming', stance: 'opponent', influence: 'high', department: 'Ops' })
  .build()
const analysis = analyzeDeal({ deal, roster: [anna], openDeals: [], settings: {}, today: '2026-03-12' })

describe('describeFinding', () => {
  it.each([...TEAM_FINDING_CODES, ...DEAL_FINDING_CODES])('%s has a sentence and a next step in English and Chinese', (code) => {
    for (const t of [en, zh]) {
      expect(t(`insights:finding.${code}.message`)).not.toBe(`finding.${code}.message`)
      expect(t(`insights:finding.${code}.next`)).not.toBe(`finding.${code}.next`)
    }
  })

  it('reads a merged finding as the person once, with each reason in words', () => {
    const xu = analysis.findings.find((f) => f.reasons)!
    const english = describeFinding(xu, en)
    expect(english.text).toBe('Xu Ming: 4 things to look at')
    expect(english.reasons.map((r) => r.code)).toEqual(['opponent-high-influence', 'unowned-key-player', 'key-player-weak', 'key-player-stale'])
    expect(english.reasons[1].text).toBe('No one on our team owns the relationship with Xu Ming (high influence).')
    const chinese = describeFinding(xu, zh)
    expect(chinese.text).toBe('Xu Ming：4 个需要留意的问题')
    expect(chinese.reasons.every((r) => /[\u4e00-\u9fff]/.test(r.text))).toBe(true)
  })

  it('explains a team with no qualified seat in both languages', () => {
    const jun = aSeller('jun', { level: 'junior', kinds: ['account', 'solution', 'project'] })
    const juniors = aDeal().seat(jun, 'account').seat(jun, 'solution').seat(jun, 'project').build()
    const f = analyzeDeal({ deal: juniors, roster: [jun], openDeals: [], settings: {}, today: '2026-03-12' }).team.findings.find((x) => x.code === 'no-qualified-seat')!
    expect(describeFinding(f, en).text).toBe('None of the 3 seats is held by a seller who has mastered its role: nobody on the team can play the game yet.')
    expect(describeFinding(f, zh).text).toContain('还没有人能打这一仗')
  })

  it('shows the map status with the serious findings and warnings still open', () => {
    expect(describeMapStatus('green', { error: 1, warning: 0 }, en)).toBe('Green · 1 serious')
    expect(describeMapStatus('green', { error: 1, warning: 1 }, en)).toBe('Green · 1 serious · 1 warning')
    expect(describeMapStatus('red', { error: 0, warning: 2 }, en)).toBe('Red · 2 warnings')
    expect(describeMapStatus('green', { error: 0, warning: 0 }, en)).toBe('Green')
    expect(describeMapStatus('green', { error: 1, warning: 0 }, zh)).toBe('绿 · 1 个严重')
  })
})
