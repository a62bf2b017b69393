import { http } from './http'
import type { Checklist, ChecklistStatus, Item, ItemDraft, Page, Statistics } from './types'

export const checklists = {
  list: (query: { year?: number | null; status?: ChecklistStatus | ''; page: number; size: number }) =>
    http.get<Page<Checklist>>('/api/checklists', query),
  get: (id: string) => http.get<Checklist>(`/api/checklists/${encodeURIComponent(id)}`),
  create: (body: { year: number; scope: string; title: string }) => http.post<Checklist>('/api/checklists', body),
  addItem: (id: string, draft: ItemDraft) =>
    http.post<Item>(`/api/checklists/${encodeURIComponent(id)}/items`, itemBody(draft)),
  publish: (id: string) => http.post<Checklist>(`/api/checklists/${encodeURIComponent(id)}/publish`),
  archive: (id: string) => http.post<Checklist>(`/api/checklists/${encodeURIComponent(id)}/archive`),
  statistics: (id: string) => http.get<Statistics>(`/api/checklists/${encodeURIComponent(id)}/statistics`),
  importItems: (id: string, file: File, revisionReason?: string) => {
    const form = new FormData()
    form.append('file', file)
    if (revisionReason) {
      form.append('revisionReason', revisionReason)
    }
    return http.upload<{ checklistId: string; imported: number }>(
      `/api/checklists/${encodeURIComponent(id)}/items/import`,
      form,
    )
  },
  exportUrl: (id: string) => `/api/checklists/${encodeURIComponent(id)}/export.xlsx`,
  /** The figures of 统计分析 as a workbook. */
  statisticsUrl: (id: string) => `/api/checklists/${encodeURIComponent(id)}/statistics.xlsx`,
  templateUrl: '/api/checklists/items/import-template.xlsx',
}

/** The request body of an item: empty optional fields left out. */
export function itemBody(draft: ItemDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    focusArea: draft.focusArea,
    content: draft.content.trim(),
    requirements: draft.requirements.trim(),
    responsibleUnit: draft.responsibleUnit.trim(),
    responsiblePerson: draft.responsiblePerson.trim(),
    method: draft.method,
    dueDate: draft.dueDate,
  }
  if (draft.reportEvery) {
    body.reportEvery = draft.reportEvery
  }
  if (draft.revisionReason?.trim()) {
    body.revisionReason = draft.revisionReason.trim()
  }
  return body
}
