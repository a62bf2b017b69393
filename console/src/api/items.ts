import { http } from './http'
import { itemBody } from './checklists'
import type { Attachment, FocusArea, Finding, Item, ItemDraft, Light, Method, Page, Severity, Stage } from './types'

export interface ItemQuery {
  checklistId?: string
  unit?: string
  stage?: Stage | ''
  light?: Light | ''
  method?: Method | ''
  focusArea?: FocusArea | ''
  /** exact person id */
  responsiblePerson?: string
  sort?: 'dueDate,asc' | 'dueDate,desc'
}

const path = (id: string) => `/api/items/${encodeURIComponent(id)}`

export const items = {
  page: (query: ItemQuery & { page: number; size: number }) => http.get<Page<Item>>('/api/items', { ...query }),
  get: (id: string) => http.get<Item>(path(id)),
  update: (id: string, draft: ItemDraft) => http.put<Item>(path(id), itemBody(draft)),
  remove: (id: string) => http.delete(path(id)),
  transition: (id: string, body: { to: Stage; note?: string; assignee?: string }) =>
    http.post<Item>(`${path(id)}/transitions`, body),
  progress: (id: string, body: { note: string; attachmentIds?: string[] }) =>
    http.post<Item>(`${path(id)}/progress`, body),
  raise: (id: string, body: { description: string; severity: Severity; cadreId?: string; rectifyBy: string }) =>
    http.post<Finding>(`${path(id)}/findings`, body),
  attachments: (id: string) => http.get<Attachment[]>(`${path(id)}/attachments`),
  attach: (id: string, file: File) => upload(`${path(id)}/attachments`, file),
}

export const findings = {
  rectify: (id: string, body: { report: string; attachmentIds?: string[] }) =>
    http.post<Finding>(`/api/findings/${encodeURIComponent(id)}/rectification`, body),
  verify: (id: string, body: { accepted: boolean; note?: string }) =>
    http.post<Finding>(`/api/findings/${encodeURIComponent(id)}/verification`, body),
  attach: (id: string, file: File) => upload(`/api/findings/${encodeURIComponent(id)}/attachments`, file),
}

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`

/** The largest evidence file the service takes. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

function upload(url: string, file: File): Promise<Attachment> {
  const form = new FormData()
  form.append('file', file)
  return http.upload<Attachment>(url, form)
}
