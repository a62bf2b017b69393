import { describe, expect, it } from 'vitest'
import type { NotificationRule } from '@/api/notifications'
import { describeRule, diffRules, ruleFieldErrors } from './rules'

const overdue: NotificationRule = {
  event: 'ITEM_OVERDUE',
  type: 'ITEM_OVERDUE',
  persons: ['RESPONSIBLE_PERSON'],
  users: [],
  roles: ['INSPECTOR'],
  channels: ['IN_APP', 'EMAIL'],
  enabled: true,
}
const vetoed: NotificationRule = { ...overdue, event: 'CADRE_VETOED', type: 'CADRE_VETOED', persons: [], roles: ['HR'], channels: ['IN_APP'] }

describe('rule history', () => {
  it('shows only the rules a change touched, before and after', () => {
    const changed = { ...overdue, roles: ['INSPECTOR', 'AUDITOR'] }
    expect(diffRules([overdue, vetoed], [changed, vetoed])).toEqual({ removed: [overdue], added: [changed] })
  })

  it('ignores the order of list values, and treats the first change as all added', () => {
    const reordered = { ...overdue, channels: ['EMAIL', 'IN_APP'] }
    expect(diffRules([overdue], [reordered])).toEqual({ removed: [], added: [] })
    expect(diffRules(null, [vetoed])).toEqual({ removed: [], added: [vetoed] })
  })

  it('describes a rule in Chinese', () => {
    expect(describeRule(overdue)).toBe('逾期（红灯） → 逾期预警：责任人、督查组（站内消息、电子邮件）')
    expect(describeRule({ ...vetoed, enabled: false })).toBe('一票否决 → 一票否决：组织人事（站内消息）【已停用】')
  })
})

describe('rule field errors', () => {
  it('puts the service error next to the rule and field it names', () => {
    const byRow = ruleFieldErrors({
      'rules[3].roles[1]': '只能提醒组织人事部门',
      'rules[3].channels[0]': '未知渠道',
      'rules[5].event': '重复的规则',
      rules: '必填',
    })
    expect(byRow.get(3)).toEqual({ roles: '只能提醒组织人事部门', channels: '未知渠道' })
    expect(byRow.get(5)).toEqual({ event: '重复的规则' })
    expect(byRow.get(-1)).toEqual({ rules: '必填' })
  })
})
