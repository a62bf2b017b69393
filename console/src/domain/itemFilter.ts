import type { FocusArea, Item, Method } from '@/api/types'

/** The filters the item service has no parameter for, applied to the fetched list. */
export interface LocalItemFilter {
  method?: Method | ''
  focusArea?: FocusArea | ''
  person?: string
}

export type DueOrder = 'ascending' | 'descending' | null

export function filterAndSort(items: Item[], filter: LocalItemFilter, order: DueOrder): Item[] {
  const person = filter.person?.trim().toLowerCase()
  const kept = items.filter(
    (i) =>
      (!filter.method || i.method === filter.method) &&
      (!filter.focusArea || i.focusArea === filter.focusArea) &&
      (!person ||
        i.responsiblePerson.toLowerCase().includes(person) ||
        (i.assignee ?? '').toLowerCase().includes(person)),
  )
  if (order) {
    const sign = order === 'ascending' ? 1 : -1
    kept.sort((a, b) => sign * a.dueDate.localeCompare(b.dueDate))
  }
  return kept
}
