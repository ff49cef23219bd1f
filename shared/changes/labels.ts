import type { Language } from '../model'

/**
 * Words for the enumerated values, in both languages. The renderer has its own i18n files;
 * these exist because change sentences are also written into the slide deck from shared/.
 */
type Table = Record<string, string>
interface Words {
  stance: Table
  buyingRole: Table
  influence: Table
  seat: Table
  stage: Table
  band: Table
  line: Table
  role: Table
  finding: Table
}

const en: Words = {
  stance: { champion: 'champion', supporter: 'supporter', neutral: 'neutral', skeptic: 'skeptic', opponent: 'opponent', unknown: 'unknown' },
  buyingRole: {
    'decision-maker': 'decision maker', approver: 'approver', 'technical-evaluator': 'technical evaluator', user: 'user',
    influencer: 'influencer', coach: 'coach', gatekeeper: 'gatekeeper', unknown: 'unknown role',
  },
  influence: { high: 'high', medium: 'medium', low: 'low' },
  seat: { account: 'account (control)', solution: 'solution (support)', project: 'project (attack)' },
  stage: { lead: 'lead', qualify: 'qualify', propose: 'propose', negotiate: 'negotiate', won: 'won', lost: 'lost' },
  band: { strong: 'strong', workable: 'workable', weak: 'weak', none: 'none' },
  line: { 'reports-to': 'reports to', influences: 'influences', ally: 'is an ally of', conflict: 'is in conflict with' },
  role: { control: 'control', support: 'support', attack: 'attack' },
  finding: {
    'key-player-weak': 'weak relationship with a key player',
    'key-player-stale': 'key player not contacted recently',
    'opponent-high-influence': 'influential opponent with no plan',
    'no-coach': 'no coach or champion',
    'decision-maker-unknown': 'decision maker not identified',
    'single-threaded': 'single-threaded deal',
    'department-uncovered': 'department without a workable relationship',
    'seat-not-identified': 'a seat with no person identified yet',
    'missing-role': 'a team role is not covered',
    'unqualified-seat': 'seat held by a seller still learning that role',
    'seat-kind-mismatch': 'seller sitting in for another kind of seat',
    'multi-seat': 'one seller holds several roles',
    'single-point': 'one seller is a single point of failure',
    'overloaded-seller': 'seller on too many open deals',
    'unknown-seller': 'seat points at an unknown seller',
    'unowned-key-player': 'key player with no owner',
  },
}

const zh: Words = {
  stance: { champion: '拥护者', supporter: '支持者', neutral: '中立', skeptic: '怀疑者', opponent: '反对者', unknown: '未知' },
  buyingRole: {
    'decision-maker': '决策者', approver: '审批者', 'technical-evaluator': '技术评估者', user: '使用者',
    influencer: '影响者', coach: '教练', gatekeeper: '把关者', unknown: '角色未知',
  },
  influence: { high: '高', medium: '中', low: '低' },
  seat: { account: '客户型（控制）', solution: '方案型（辅助）', project: '项目型（强攻）' },
  stage: { lead: '线索', qualify: '验证', propose: '方案', negotiate: '谈判', won: '赢单', lost: '丢单' },
  band: { strong: '强', workable: '可用', weak: '弱', none: '无' },
  line: { 'reports-to': '汇报给', influences: '影响', ally: '结盟', conflict: '冲突' },
  role: { control: '控制', support: '辅助', attack: '强攻' },
  finding: {
    'key-player-weak': '与关键人物关系薄弱',
    'key-player-stale': '关键人物久未联系',
    'opponent-high-influence': '有影响力的反对者尚无应对计划',
    'no-coach': '没有教练或拥护者',
    'decision-maker-unknown': '尚未识别决策者',
    'single-threaded': '单线联系',
    'department-uncovered': '部门没有可用关系',
    'seat-not-identified': '职位尚未确定人选',
    'missing-role': '团队角色缺位',
    'unqualified-seat': '席位上的销售尚未掌握该角色',
    'seat-kind-mismatch': '销售代坐其他类型的席位',
    'multi-seat': '一人身兼多个角色',
    'single-point': '一人是单点风险',
    'overloaded-seller': '销售同时负责的在手项目过多',
    'unknown-seller': '席位指向未知销售',
    'unowned-key-player': '关键人物无人负责',
  },
}

export function wordsFor(lang: Language): Words {
  return lang === 'zh-CN' ? zh : en
}

/** The label for a value, or the value itself when the table does not know it. */
export function word(table: Table, value: string): string {
  return table[value] ?? value
}
