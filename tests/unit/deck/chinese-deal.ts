import type { Deal, Seller } from '@shared/model'
import { aDeal, aSeller } from '../../fixtures/builders'

/** A deal whose people and sellers have Chinese names, for the Chinese deck. */
export function chineseDeal(): { deal: Deal; roster: Seller[] } {
  const zhao = aSeller('zhao', { name: '赵强', kinds: ['account'], level: 'senior' })
  const qian = aSeller('qian', { name: '钱敏', kinds: ['solution'], level: 'top' })
  const sun = aSeller('sun', { name: '孙浩', kinds: ['project'], level: 'mid' })
  const deal = aDeal('deal-zh')
    .named('核心系统升级', '华东城市银行')
    .seat(zhao, 'account', { lead: true })
    .seat(qian, 'solution')
    .seat(sun, 'project')
    .withStakeholder('zhang', { name: '张伟', title: '首席信息官', department: '信息技术部', buyingRole: 'decision-maker', influence: 'high', innerCircle: true, stance: 'supporter', position: { x: 260, y: 0 } })
    .withStakeholder('li', { name: '李娜', title: '架构师', department: '信息技术部', buyingRole: 'technical-evaluator', stance: 'champion', position: { x: 0, y: 180 } })
    .withStakeholder('wang', { name: '王芳', title: '财务总监', department: '财务部', buyingRole: 'approver', influence: 'high', stance: 'skeptic', position: { x: 520, y: 180 } })
    .withStakeholder('liu', { name: '刘洋', title: '采购经理', department: '采购部', buyingRole: 'gatekeeper', influence: 'low', stance: 'neutral', position: { x: 780, y: 180 } })
    .withStakeholder('chen', { name: '陈静', title: '运营副总', department: '运营部', buyingRole: 'user', stance: 'opponent', position: { x: 260, y: 360 } })
    .ownedBy('zhang', zhao)
    .ownedBy('li', qian)
    .withRelationship('zhang', zhao, { value: 3, goodwill: 3, dignity: 4, presence: 3, depth: 3 }, { knownSince: '2019-05-01' })
    .withContact('zhang', zhao, '2026-03-01')
    .withAction('wang', { id: 'zh-a1', what: '安排财务总监参观标杆客户', ownerId: 'zhao', due: '2026-03-01', done: false })
    .withLink('li', 'zhang', 'reports-to')
    .withLink('wang', 'zhang', 'influences')
    .withLink('chen', 'wang', 'conflict')
    .withLink('li', 'liu', 'ally')
    .build()
  return { deal, roster: [zhao, qian, sun] }
}
