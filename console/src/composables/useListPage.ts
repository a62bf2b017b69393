import { reactive, ref, type Ref } from 'vue'
import type { Page } from '@/api/types'
import { useBusy } from './useBusy'

/** The page shown (from 1, as the pager counts) and its size. */
export interface Paging {
  page: number
  size: number
}

/**
 * The one way a list page searches and pages: its filters with the page (from 1) and size in one
 * `query`, the rows and total of the page shown, the loading flag; `load` fetches the page shown,
 * `search` goes back to the first page, `reset` restores the filters. `fetch` gets the filters and
 * the page counted from 0, as the services count it.
 */
export function useListPage<T, F extends object>(
  initial: () => F,
  fetch: (filters: F, page: number, size: number) => Promise<Page<T>>,
  size = 20,
) {
  const query = reactive({ ...initial(), page: 1, size }) as F & Paging
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const { busy: loading, run } = useBusy()
  let latest = 0

  /** Fetches the page shown; of loads that overlap, only the last one started is shown. */
  async function load(): Promise<boolean> {
    const mine = ++latest
    return run(async () => {
      const page = await fetch(query, query.page - 1, query.size)
      if (mine === latest) {
        rows.value = page.content
        total.value = page.totalElements
      }
    })
  }

  function search(): Promise<boolean> {
    query.page = 1
    return load()
  }

  function reset(): Promise<boolean> {
    Object.assign(query, initial(), { page: 1 })
    return load()
  }

  return { query, rows, total, loading, load, search, reset }
}
