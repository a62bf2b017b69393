import type { NotificationRule } from '@/api/notifications'

/** What a rule reacts to (the service's triggers), in the order the form offers them. */
export const TRIGGER_LABELS: Record<string, string> = {
  CHECKLIST_PUBLISHED: '清单发布',
  ITEM_PUBLISHED: '事项发布',
  ITEM_ASSIGNED: '专人盯办',
  ITEM_STAGE_CHANGED: '环节变更',
  ITEM_DUE_SOON: '临近期限（黄灯）',
  ITEM_OVERDUE: '逾期（红灯）',
  ITEM_CLOSED: '事项办结',
  FINDING_RAISED: '发现问题',
  FINDING_RECTIFIED: '问题报送整改',
  FINDING_VERIFIED: '整改核查',
  REPORT_DUE: '定期报告到期',
  UNIT_EARLY_WARNING_RAISED: '单位预警升级',
  EVALUATION_RECORDED: '新增评价记录',
  CADRE_VETOED: '一票否决',
  VETO_LAPSED: '否决解除',
  UNUSUAL_READING_RAISED: '异常查阅',
  ESCALATION_DUE: '红灯持续（督办升级）',
  RECEIPT_OVERDUE: '逾期未签收',
}

/** The kind of notice a rule sends. */
export const NOTICE_TYPE_LABELS: Record<string, string> = {
  CHECKLIST_PUBLISHED: '清单已发布',
  ITEM_PUBLISHED: '新督办事项',
  ITEM_ASSIGNED: '专人盯办',
  ITEM_STAGE_CHANGED: '事项进度变更',
  ITEM_DUE_SOON: '临期提醒',
  ITEM_OVERDUE: '逾期预警',
  ITEM_CLOSED: '办结销号',
  ITEM_ESCALATED: '督办升级',
  FINDING_RAISED: '发现问题',
  FINDING_RECTIFIED: '问题已报整改',
  FINDING_VERIFIED: '整改核查结果',
  REPORT_DUE: '定期报告提醒',
  UNIT_EARLY_WARNING: '单位预警',
  EVALUATION_RECORDED: '新增评价记录',
  CADRE_VETOED: '一票否决',
  VETO_LAPSED: '一票否决解除',
  UNUSUAL_READING: '异常查阅',
  RECEIPT_REMINDER: '签收提醒',
}

export const PERSON_LABELS: Record<string, string> = {
  RESPONSIBLE_PERSON: '责任人',
  ASSIGNEE: '盯办人',
  CADRE: '所涉干部',
  RECIPIENT: '原通知收件人',
}

export const ROLE_LABELS: Record<string, string> = {
  INSPECTOR: '督查组',
  UNIT_LEAD: '单位负责人',
  EVALUATOR: '档案维护',
  HR: '组织人事',
  AUDITOR: '纪检监察',
  ADMIN: '系统管理员',
}

export const CHANNEL_LABELS: Record<string, string> = { IN_APP: '站内消息', EMAIL: '电子邮件', WEBHOOK: 'Webhook' }

/** The channels' names where a table cell is narrow. */
export const CHANNEL_SHORT: Record<string, string> = { IN_APP: '站内', EMAIL: '邮件', WEBHOOK: 'Webhook' }

export const DELIVERY_STATUS_LABELS: Record<string, string> = { PENDING: '待投递', SENT: '已送达', FAILED: '失败' }

/** `{value, label}` for a select, the code kept visible beside the Chinese name. */
export function codeOptions(labels: Record<string, string>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }))
}

/**
 * The service's field errors of a rule set by rule and field: `rules[3].roles[1]` -> row 3, field
 * `roles`; anything not about one rule (`rules`, `revision`) under row -1.
 */
export function ruleFieldErrors(errors: Record<string, string>): Map<number, Record<string, string>> {
  const byRow = new Map<number, Record<string, string>>()
  for (const [field, message] of Object.entries(errors)) {
    const match = /^rules\[(\d+)\](?:\.(\w+))?/.exec(field)
    const row = match ? Number(match[1]) : -1
    const name = match ? (match[2] ?? 'event') : field
    const fields = byRow.get(row) ?? {}
    fields[name] = fields[name] ? `${fields[name]}；${message}` : message
    byRow.set(row, fields)
  }
  return byRow
}

/** A rule in one line of Chinese, as the history shows it. */
export function describeRule(rule: NotificationRule): string {
  const to = [
    ...rule.persons.map((p) => PERSON_LABELS[p] ?? p),
    ...rule.roles.map((r) => ROLE_LABELS[r] ?? r),
    ...rule.users.map((u) => `用户 ${u}`),
  ]
  const channels = rule.channels.map((c) => CHANNEL_LABELS[c] ?? c).join('、')
  return (
    `${TRIGGER_LABELS[rule.event] ?? rule.event} → ${NOTICE_TYPE_LABELS[rule.type] ?? rule.type}：` +
    `${to.length ? to.join('、') : '无接收人'}（${channels || '无渠道'}）${rule.enabled === false ? '【已停用】' : ''}`
  )
}

function key(rule: NotificationRule): string {
  return JSON.stringify([
    rule.event,
    rule.type,
    [...rule.persons].sort(),
    [...rule.users].sort(),
    [...rule.roles].sort(),
    [...rule.channels].sort(),
    rule.enabled !== false,
  ])
}

/** What one change did: the rules it removed or replaced (before) and the rules it put in (after). */
export interface RuleDiff {
  removed: NotificationRule[]
  added: NotificationRule[]
}

/** The rules that differ between two rule sets, each side in its own order. */
export function diffRules(before: NotificationRule[] | null, after: NotificationRule[] | null): RuleDiff {
  const left = before ?? []
  const right = after ?? []
  const remaining = new Map<string, number>()
  right.forEach((r) => remaining.set(key(r), (remaining.get(key(r)) ?? 0) + 1))
  const removed = left.filter((r) => {
    const n = remaining.get(key(r)) ?? 0
    if (n > 0) {
      remaining.set(key(r), n - 1)
      return false
    }
    return true
  })
  const kept = new Map<string, number>()
  left.forEach((r) => kept.set(key(r), (kept.get(key(r)) ?? 0) + 1))
  const added = right.filter((r) => {
    const n = kept.get(key(r)) ?? 0
    if (n > 0) {
      kept.set(key(r), n - 1)
      return false
    }
    return true
  })
  return { removed, added }
}
