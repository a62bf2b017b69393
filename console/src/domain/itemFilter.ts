import type { ItemQuery } from '@/api/items'
import type { FocusArea, Light, Method, Stage } from '@/api/types'

/** The 督办事项 page's search form. */
export interface ItemFilter {
  checklistId: string
  unit: string
  stage: Stage | ''
  light: Light | ''
  method: Method | ''
  focusArea: FocusArea | ''
  person: string
}

/** The table's due-date order as Element Plus names it (null: the service's own, earliest first). */
export type DueOrder = 'ascending' | 'descending' | null

/**
 * The service's query for one page of the table: every filter given (the service matches the
 * person exactly), the due-date order, and no unit for a unit lead (the service scopes them);
 * `page` counts from 0, as the service does.
 */
export function itemQuery(
  filter: ItemFilter,
  order: DueOrder,
  unitScoped: boolean,
  page: number,
  size: number,
): ItemQuery & { page: number; size: number } {
  return {
    checklistId: filter.checklistId || undefined,
    unit: unitScoped ? undefined : filter.unit || undefined,
    stage: filter.stage,
    light: filter.light,
    method: filter.method,
    focusArea: filter.focusArea,
    responsiblePerson: filter.person.trim() || undefined,
    sort: order === 'descending' ? 'dueDate,desc' : 'dueDate,asc',
    page,
    size,
  }
}
