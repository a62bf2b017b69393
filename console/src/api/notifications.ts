import { http } from './http'
import type { InboxPage, Notification } from './types'

export const notifications = {
  inbox: (query: { unread?: boolean; type?: string; page: number; size: number }) =>
    http.get<InboxPage>('/api/notifications/inbox', { ...query, unread: query.unread || undefined }),
  read: (id: string) => http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => http.post<{ marked: number }>('/api/notifications/read-all'),
  acknowledge: (id: string) => http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/acknowledge`),
}
