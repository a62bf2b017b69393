import { describe, expect, it, vi } from 'vitest'
import type { Page } from '@/api/types'
import { useListPage } from './useListPage'

describe('useListPage', () => {
  it('fetches the page shown counted from 0, goes back to the first on search and restores the filters on reset', async () => {
    const fetch = vi.fn(async (filters: { unit: string }, page: number, size: number) => ({
      content: [`${filters.unit}-${page}-${size}`],
      page,
      size,
      totalElements: 41,
    }))
    const list = useListPage(() => ({ unit: '' }), fetch, 20)
    list.query.page = 3
    list.query.unit = 'FGW'
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ unit: 'FGW' }), 2, 20)
    expect(list.rows.value).toEqual(['FGW-2-20'])
    expect(list.total.value).toBe(41)

    await list.search()
    expect(list.query.page).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ unit: 'FGW' }), 0, 20)

    list.query.page = 2
    await list.reset()
    expect(list.query).toMatchObject({ unit: '', page: 1, size: 20 })
    expect(list.rows.value).toEqual(['-0-20'])
  })

  it('shows the answer of the last search even when an earlier one answers after it', async () => {
    const answers: Record<string, (page: Page<string>) => void> = {}
    const list = useListPage(
      () => ({ unit: '' }),
      (filters) => new Promise<Page<string>>((resolve) => (answers[filters.unit || 'all'] = resolve)),
    )
    const first = list.load()
    list.query.unit = 'FGW'
    const second = list.search()
    answers.FGW!({ content: ['FGW'], page: 0, size: 20, totalElements: 1 })
    await second
    answers.all!({ content: ['FGW', 'JW'], page: 0, size: 20, totalElements: 2 })
    await first
    expect(list.rows.value).toEqual(['FGW'])
    expect(list.total.value).toBe(1)
  })

  it('keeps the rows shown when a page cannot be fetched', async () => {
    let fail = false
    const list = useListPage(
      () => ({}),
      async () => {
        if (fail) {
          throw new Error('down')
        }
        return { content: [1, 2], page: 0, size: 20, totalElements: 2 }
      },
    )
    expect(await list.load()).toBe(true)
    fail = true
    expect(await list.load()).toBe(false)
    expect(list.rows.value).toEqual([1, 2])
    expect(list.loading.value).toBe(false)
  })
})
