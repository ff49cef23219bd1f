import type {
  BuyingRole, Element, Influence, Language, LinkKind, Role, SellerKind, SellerLevel, Stage, Stance,
} from '../model'

/**
 * The deck's words in each language. The deck is built in shared/ (Node, the page and the
 * CLI alike), so it cannot use the renderer's i18next; its strings live here.
 */
export interface DeckStrings {
  slide: {
    map: string
    mapOverview: string
    team: string
    relationships: string
    risks: string
    nextActions: string
    changes: string
  }
  field: {
    customer: string
    amount: string
    stage: string
    closeDate: string
    competitors: string
    mapStatus: string
    exported: string
    verdict: string
    findings: string
    stakeholder: string
    department: string
    owner: string
    total: string
    band: string
    severity: string
    risk: string
    nextStep: string
    action: string
    due: string
    people: string
  }
  stage: Record<Stage, string>
  stance: Record<Stance, string>
  buyingRole: Record<BuyingRole, string>
  influence: Record<Influence, string>
  link: Record<LinkKind, string>
  role: Record<Role, string>
  winsWith: Record<Role, string>
  seat: Record<SellerKind, string>
  level: Record<SellerLevel, string>
  element: Record<Element, string>
  mapStatus: Record<string, string>
  verdict: Record<string, string>
  band: Record<string, string>
  severity: Record<string, string>
  /** Short titles of finding codes, used where the analysis's English message cannot be. */
  finding: Record<string, string>
  text: {
    noCloseDate: string
    noStakeholders: string
    noDepartment: string
    noSeats: string
    noFindings: string
    noRisks: string
    noActions: string
    noChanges: string
    lead: string
    qualified: string
    stretch: string
    overdue: string
    stale: string
    unassigned: string
    innerCircle: string
    influence: string
    influenceHint: string
    owners: string
    continued: (page: number, pages: number) => string
    more: (count: number) => string
    hiddenLines: (count: number) => string
    peopleCount: (count: number) => string
    winsWith: (what: string) => string
  }
}

const en: DeckStrings = {
  slide: {
    map: 'Stakeholder map',
    mapOverview: 'Stakeholder map: overview by department',
    team: 'Team coverage',
    relationships: 'Relationship strength (seven elements)',
    risks: 'Risks',
    nextActions: 'Next actions',
    changes: 'Changes since last review',
  },
  field: {
    customer: 'Customer', amount: 'Amount', stage: 'Stage', closeDate: 'Close date', competitors: 'Competitors', mapStatus: 'Map status',
    exported: 'Exported', verdict: 'Verdict', findings: 'Findings', stakeholder: 'Stakeholder',
    department: 'Department', owner: 'Seller', total: 'Total', band: 'Band', severity: 'Severity', risk: 'Risk',
    nextStep: 'Next step', action: 'Action', due: 'Due', people: 'People',
  },
  stage: { lead: 'Lead', qualify: 'Qualify', propose: 'Propose', negotiate: 'Negotiate', won: 'Won', lost: 'Lost' },
  stance: {
    champion: 'Champion', supporter: 'Supporter', neutral: 'Neutral', skeptic: 'Skeptic', opponent: 'Opponent', unknown: 'Unknown',
  },
  buyingRole: {
    'decision-maker': 'Decision maker', approver: 'Approver', 'technical-evaluator': 'Technical evaluator', user: 'User',
    influencer: 'Influencer', coach: 'Coach', gatekeeper: 'Gatekeeper', unknown: 'Role unknown',
  },
  influence: { high: 'High', medium: 'Medium', low: 'Low' },
  link: { 'reports-to': 'Reports to', influences: 'Influences', ally: 'Ally', conflict: 'Conflict' },
  role: { control: 'Control', support: 'Support', attack: 'Attack' },
  winsWith: { control: 'trust', support: 'insight', attack: 'strategy' },
  seat: { account: 'Account seller', solution: 'Solution seller', project: 'Project seller' },
  level: { junior: 'Junior', mid: 'Mid', senior: 'Senior', top: 'Top' },
  element: {
    value: 'Value', goodwill: 'Goodwill', dignity: 'Dignity', presence: 'Presence', frequency: 'Frequency', length: 'Length', depth: 'Depth',
  },
  mapStatus: { red: 'Red: no supportive key player', amber: 'Amber: some support', green: 'Green: key players support us' },
  verdict: { covered: 'All three roles covered', 'at-risk': 'Covered, with risks', gaps: 'Gaps in the team' },
  band: { strong: 'Strong', solid: 'Solid', workable: 'Workable', weak: 'Weak', none: 'None' },
  severity: { error: 'High', warning: 'Medium', info: 'Low' },
  finding: {},
  text: {
    noCloseDate: 'not set',
    noStakeholders: 'No stakeholders on the map yet. Add the customer\'s people to see the map here.',
    noDepartment: 'No department',
    noSeats: 'Nobody sits this seat',
    noFindings: 'No findings.',
    noRisks: 'No risks found.',
    noActions: 'No open next actions.',
    noChanges: 'No changes since the last review.',
    lead: 'lead',
    qualified: 'qualified',
    stretch: 'stretch',
    overdue: 'overdue',
    stale: 'stale',
    unassigned: 'unassigned',
    innerCircle: 'Inner circle',
    influence: 'Influence',
    influenceHint: 'Thicker border = more influence',
    owners: 'AB = owners\' initials',
    continued: (page, pages) => ` (${page}/${pages})`,
    more: (count) => `… and ${count} more`,
    hiddenLines: (count) => `${count} line${count === 1 ? '' : 's'} to people on other slides not shown`,
    peopleCount: (count) => `${count} ${count === 1 ? 'person' : 'people'}`,
    winsWith: (what) => `wins with ${what}`,
  },
}

const zhCN: DeckStrings = {
  slide: {
    map: '客户关系图',
    mapOverview: '客户关系图：按部门概览',
    team: '团队武魂覆盖',
    relationships: '关系强度（关系经营七要素）',
    risks: '风险',
    nextActions: '下一步行动',
    changes: '自上次复盘以来的变化',
  },
  field: {
    customer: '客户', amount: '金额', stage: '阶段', closeDate: '预计签约日期', competitors: '竞争对手', mapStatus: '关系图状态',
    exported: '导出日期', verdict: '结论', findings: '发现', stakeholder: '客户人员', department: '部门',
    owner: '销售', total: '总分', band: '等级', severity: '严重程度', risk: '风险', nextStep: '下一步',
    action: '行动', due: '截止日期', people: '人数',
  },
  stage: { lead: '线索', qualify: '验证', propose: '方案', negotiate: '谈判', won: '赢单', lost: '丢单' },
  stance: { champion: '倡导者', supporter: '支持', neutral: '中立', skeptic: '怀疑', opponent: '反对', unknown: '未知' },
  buyingRole: {
    'decision-maker': '决策者', approver: '审批者', 'technical-evaluator': '技术评估者', user: '使用者',
    influencer: '影响者', coach: '教练', gatekeeper: '把关者', unknown: '角色未知',
  },
  influence: { high: '高', medium: '中', low: '低' },
  link: { 'reports-to': '汇报给', influences: '影响', ally: '盟友', conflict: '冲突' },
  role: { control: '控制', support: '辅助', attack: '强攻' },
  winsWith: { control: '信', support: '慧', attack: '智' },
  seat: { account: '客户型销售', solution: '方案型销售', project: '项目型销售' },
  level: { junior: '初级', mid: '中级', senior: '高级', top: '顶级' },
  element: { value: '价值', goodwill: '情面', dignity: '体面', presence: '场面', frequency: '频度', length: '长度', depth: '深度' },
  mapStatus: { red: '红：没有支持我们的关键人物', amber: '黄：有部分支持', green: '绿：关键人物支持我们' },
  verdict: { covered: '三种武魂齐备', 'at-risk': '已覆盖，但有风险', gaps: '团队有缺口' },
  band: { strong: '强', solid: '稳固', workable: '可用', weak: '弱', none: '无' },
  severity: { error: '高', warning: '中', info: '低' },
  finding: {
    'unknown-seller': '团队中有不在名册里的销售',
    'missing-role': '缺少一种武魂',
    'unqualified-seat': '席位上的销售尚未掌握该武魂',
    'multi-seat': '一人身兼多个席位（双生武魂）',
    'single-point': '单点依赖',
    'overloaded-seller': '销售同时负责的商机过多',
    'unowned-key-player': '关键人物无人负责',
    'seat-kind-mismatch': '席位与销售类型不符',
    'decision-maker-unknown': '决策者未知',
    'opponent-high-influence': '高影响力的反对者',
    'key-player-weak': '与关键人物关系薄弱',
    'key-player-stale': '关键人物久未联系',
    'no-coach': '没有教练',
    'single-threaded': '单线联系',
    'department-uncovered': '部门未覆盖',
  },
  text: {
    noCloseDate: '未设定',
    noStakeholders: '关系图上还没有客户人员。添加客户人员后，关系图会显示在这里。',
    noDepartment: '未填部门',
    noSeats: '该席位无人',
    noFindings: '没有发现。',
    noRisks: '未发现风险。',
    noActions: '没有未完成的下一步行动。',
    noChanges: '自上次复盘以来没有变化。',
    lead: '牵头',
    qualified: '胜任',
    stretch: '尚需历练',
    overdue: '已逾期',
    stale: '久未联系',
    unassigned: '未指派',
    innerCircle: '核心圈',
    influence: '影响力',
    influenceHint: '边框越粗，影响力越大',
    owners: 'AB = 负责人姓名缩写',
    continued: (page, pages) => `（${page}/${pages}）`,
    more: (count) => `……另有 ${count} 项`,
    hiddenLines: (count) => `未显示与其他页面人员之间的 ${count} 条连线`,
    peopleCount: (count) => `${count} 人`,
    winsWith: (what) => `以“${what}”取胜`,
  },
}

const STRINGS: Record<Language, DeckStrings> = { en, 'zh-CN': zhCN }

export function deckStrings(language: Language): DeckStrings {
  return STRINGS[language]
}

/** A label for a value from the analysis, or the value itself when it is new to the deck. */
export function labelOf(table: Record<string, string>, key: string): string {
  return table[key] ?? key
}
