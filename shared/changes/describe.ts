import type { Language } from '../model'
import { word, wordsFor } from './labels'
import type { Change } from './types'

/** A calendar date (YYYY-MM-DD) as the reader's locale writes it. */
export function formatDay(date: string | null, lang: Language): string {
  if (!date) return lang === 'zh-CN' ? '未定' : 'not set'
  const [y, m, d] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

export function formatMoney(value: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value)
  } catch {
    return `${value} ${currency}`
  }
}

/** One plain sentence per change, for the change list and the "Changes since last review" slide. */
export function describeChange(change: Change, lang: Language): string {
  return lang === 'zh-CN' ? describeZh(change) : describeEn(change)
}

function describeEn(c: Change): string {
  const w = wordsFor('en')
  switch (c.kind) {
    case 'stage-changed': return `Stage moved from ${word(w.stage, c.params.from)} to ${word(w.stage, c.params.to)}.`
    case 'amount-changed': return `Amount changed from ${formatMoney(c.params.from, c.params.currency, 'en')} to ${formatMoney(c.params.to, c.params.currency, 'en')}.`
    case 'close-date-changed': return `Close date moved from ${formatDay(c.params.from, 'en')} to ${formatDay(c.params.to, 'en')}.`
    case 'stakeholder-added': return `${c.params.name} was added to the map.`
    case 'stakeholder-removed': return `${c.params.name} was removed from the map.`
    case 'stance-changed': return `${c.params.name}'s stance changed from ${word(w.stance, c.params.from)} to ${word(w.stance, c.params.to)}.`
    case 'buying-role-changed': return `${c.params.name}'s buying role changed from ${word(w.buyingRole, c.params.from)} to ${word(w.buyingRole, c.params.to)}.`
    case 'influence-changed': return `${c.params.name}'s influence changed from ${word(w.influence, c.params.from)} to ${word(w.influence, c.params.to)}.`
    case 'inner-circle-changed': return c.params.to ? `${c.params.name} is now in the inner circle.` : `${c.params.name} is no longer in the inner circle.`
    case 'department-changed': return `${c.params.name} moved from ${c.params.from || 'no department'} to ${c.params.to || 'no department'}.`
    case 'renamed': return `${c.params.from} is now called ${c.params.name}.`
    case 'title-changed': return `${c.params.name}'s title changed from ${c.params.from || 'none'} to ${c.params.to || 'none'}.`
    case 'owner-added': return `${c.params.seller} now owns the relationship with ${c.params.name}.`
    case 'owner-removed': return `${c.params.seller} no longer owns the relationship with ${c.params.name}.`
    case 'relationship-changed': {
      const delta = c.params.to - c.params.from
      const sign = delta > 0 ? `+${delta}` : `${delta}`
      return `Relationship with ${c.params.name}: ${c.params.from} → ${c.params.to} (${sign}, ${word(w.band, c.params.toBand)}).`
    }
    case 'contacts-logged': return `${c.params.count} contact${c.params.count === 1 ? '' : 's'} logged with ${c.params.name}.`
    case 'line-added': return `New line: ${c.params.from} ${word(w.line, c.params.lineKind)} ${c.params.to}.`
    case 'line-removed': return `Line removed: ${c.params.from} ${word(w.line, c.params.lineKind)} ${c.params.to}.`
    case 'seat-added': return `${c.params.seller} took the ${word(w.seat, c.params.seat)} seat.`
    case 'seat-removed': return `${c.params.seller} left the ${word(w.seat, c.params.seat)} seat.`
    case 'seat-lead-changed': return c.params.lead
      ? `${c.params.seller} now leads the ${word(w.seat, c.params.seat)} seat.`
      : `${c.params.seller} no longer leads the ${word(w.seat, c.params.seat)} seat.`
    case 'finding-new': return `New: ${findingLabel(c.params, 'en')}.`
    case 'finding-resolved': return `Resolved: ${findingLabel(c.params, 'en')}.`
  }
}

function describeZh(c: Change): string {
  const w = wordsFor('zh-CN')
  switch (c.kind) {
    case 'stage-changed': return `阶段从「${word(w.stage, c.params.from)}」变为「${word(w.stage, c.params.to)}」。`
    case 'amount-changed': return `金额从 ${formatMoney(c.params.from, c.params.currency, 'zh-CN')} 变为 ${formatMoney(c.params.to, c.params.currency, 'zh-CN')}。`
    case 'close-date-changed': return `预计成交日期从 ${formatDay(c.params.from, 'zh-CN')} 改为 ${formatDay(c.params.to, 'zh-CN')}。`
    case 'stakeholder-added': return `新增人物：${c.params.name}。`
    case 'stakeholder-removed': return `移除人物：${c.params.name}。`
    case 'stance-changed': return `${c.params.name} 的态度从「${word(w.stance, c.params.from)}」变为「${word(w.stance, c.params.to)}」。`
    case 'buying-role-changed': return `${c.params.name} 的采购角色从「${word(w.buyingRole, c.params.from)}」变为「${word(w.buyingRole, c.params.to)}」。`
    case 'influence-changed': return `${c.params.name} 的影响力从「${word(w.influence, c.params.from)}」变为「${word(w.influence, c.params.to)}」。`
    case 'inner-circle-changed': return c.params.to ? `${c.params.name} 进入核心圈。` : `${c.params.name} 不再属于核心圈。`
    case 'department-changed': return `${c.params.name} 的部门从「${c.params.from || '无'}」变为「${c.params.to || '无'}」。`
    case 'renamed': return `${c.params.from} 现名为 ${c.params.name}。`
    case 'title-changed': return `${c.params.name} 的职务从「${c.params.from || '无'}」变为「${c.params.to || '无'}」。`
    case 'owner-added': return `${c.params.seller} 开始负责与 ${c.params.name} 的关系。`
    case 'owner-removed': return `${c.params.seller} 不再负责与 ${c.params.name} 的关系。`
    case 'relationship-changed': {
      const delta = c.params.to - c.params.from
      const sign = delta > 0 ? `+${delta}` : `${delta}`
      return `与 ${c.params.name} 的关系：${c.params.from} → ${c.params.to}（${sign}，${word(w.band, c.params.toBand)}）。`
    }
    case 'contacts-logged': return `与 ${c.params.name} 新增 ${c.params.count} 次联系记录。`
    case 'line-added': return `新增连线：${c.params.from} ${word(w.line, c.params.lineKind)} ${c.params.to}。`
    case 'line-removed': return `删除连线：${c.params.from} ${word(w.line, c.params.lineKind)} ${c.params.to}。`
    case 'seat-added': return `${c.params.seller} 加入${word(w.seat, c.params.seat)}席位。`
    case 'seat-removed': return `${c.params.seller} 离开${word(w.seat, c.params.seat)}席位。`
    case 'seat-lead-changed': return c.params.lead
      ? `${c.params.seller} 成为${word(w.seat, c.params.seat)}席位的牵头人。`
      : `${c.params.seller} 不再牵头${word(w.seat, c.params.seat)}席位。`
    case 'finding-new': return `新问题：${findingLabel(c.params, 'zh-CN')}。`
    case 'finding-resolved': return `已解决：${findingLabel(c.params, 'zh-CN')}。`
  }
}

function findingLabel(p: { code: string; people: string[]; role?: string; message?: string }, lang: Language): string {
  const w = wordsFor(lang)
  const known = w.finding[p.code]
  // An unknown code (a rule added later) still reads sensibly through the analysis's own message.
  const label = known ?? (lang === 'en' && p.message ? p.message.replace(/\.$/, '') : p.code)
  const role = p.role ? word(w.role, p.role) : ''
  const about = [...p.people, ...(role ? [role] : [])]
  if (about.length === 0) return label
  return lang === 'zh-CN' ? `${label}（${about.join('、')}）` : `${label} (${about.join(', ')})`
}
