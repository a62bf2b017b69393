import { http } from './http'
import type { InboxPage, Notification, Page } from './types'

export const notifications = {
  inbox: (query: { unread?: boolean; type?: string; page: number; size: number }) =>
    http.get<InboxPage>('/api/notifications/inbox', { ...query, unread: query.unread || undefined }),
  read: (id: string) => http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => http.post<{ marked: number }>('/api/notifications/read-all'),
  acknowledge: (id: string) => http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/acknowledge`),
}

/** One notification rule as the service reads and writes it. */
export interface NotificationRule {
  event: string
  type: string
  persons: string[]
  users: string[]
  roles: string[]
  channels: string[]
  enabled: boolean
}

export interface RuleSet {
  revision: number
  rules: NotificationRule[]
  history: { revision: number; updatedBy: string; updatedAt: string }[]
}

/** One change of the rule set with the rules in force before and after it. */
export interface RuleChange {
  revision: number
  updatedBy: string
  updatedAt: string
  before: NotificationRule[] | null
  after: NotificationRule[] | null
}

export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED'

export interface Delivery {
  id: string
  notificationId: string
  channel: string
  addressee: { kind: string; value: string } | null
  status: DeliveryStatus
  attempts: number
  lastError?: string | null
  createdAt: string
  updatedAt: string
}

export const administration = {
  rules: () => http.get<RuleSet>('/api/notification-rules'),
  saveRules: (revision: number, rules: NotificationRule[]) => http.put<RuleSet>('/api/notification-rules', { revision, rules }),
  ruleHistory: (page: number, size: number) =>
    http.get<Page<RuleChange>>('/api/notification-rules/history', { page, size }),
  deliveries: (query: { status?: DeliveryStatus | ''; page: number; size: number }) =>
    http.get<Page<Delivery>>('/api/notifications/deliveries', { ...query }),
  retry: (id: string) => http.post<Delivery>(`/api/notifications/deliveries/${encodeURIComponent(id)}/retry`),
  retryAllFailed: () => http.post<{ retried: number }>('/api/notifications/deliveries/retry'),
}
