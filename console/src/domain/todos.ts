import type { Finding, Item, Notification } from '@/api/types'
import type { Me } from '@/auth/permissions'
import { can, unitScoped } from '@/auth/permissions'
import { FINDING_STATUS_LABELS, STAGE_LABELS } from './labels'
import { dayOf } from './format'
import { noticeText, routeOfLink } from './links'

/** One line of 我的待办: what to do, on what, by when, and where to do it. */
export interface Todo {
  kind: '待办事项' | '待整改' | '待验收' | '待签收'
  title: string
  detail: string
  due?: string | null
  to: string
}

/** Items still in the closed loop (published, not closed). */
export function openItems(items: Item[]): Item[] {
  return items.filter((i) => i.published && i.stage && i.stage !== 'CLOSED')
}

/**
 * The person's to-dos: items assigned to them (or, for a unit lead, the unit's open items),
 * findings to rectify or to verify, and notices waiting for a receipt. Most urgent first.
 */
export function todosOf(me: Me, items: Item[], notices: Notification[]): Todo[] {
  const todos: Todo[] = []
  const verifier = can(me, 'finding:verify')
  for (const item of openItems(items)) {
    // a unit lead's list holds only its unit's items: every open one is theirs to follow
    if (item.assignee === me.id || item.responsiblePerson === me.id || unitScoped(me)) {
      todos.push({
        kind: '待办事项',
        title: item.content,
        detail: `当前环节：${STAGE_LABELS[item.stage!]}`,
        due: item.dueDate,
        to: `/items/${item.id}`,
      })
    }
    for (const finding of item.findings) {
      const waitsForUnit = finding.status === 'OPEN' || finding.status === 'RECTIFYING'
      if (finding.status === 'RECTIFIED' && verifier) {
        todos.push(findingTodo('待验收', finding, item))
      } else if (waitsForUnit && !verifier && can(me, 'finding:rectify') && item.responsibleUnit === me.unit) {
        todos.push(findingTodo('待整改', finding, item))
      }
    }
  }
  for (const notice of notices) {
    if (notice.receiptRequired && !notice.acknowledged) {
      todos.push({
        kind: '待签收',
        title: notice.title,
        detail: noticeText(notice.body),
        due: notice.acknowledgeBy ? dayOf(notice.acknowledgeBy) : null,
        to: routeOfLink(notice.link) ?? '/inbox',
      })
    }
  }
  return todos.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
}

function findingTodo(kind: '待整改' | '待验收', finding: Finding, item: Item): Todo {
  return {
    kind,
    title: finding.description,
    detail: `${FINDING_STATUS_LABELS[finding.status]} · ${item.content}`,
    due: finding.rectifyBy,
    to: `/items/${item.id}`,
  }
}
