import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { UNREAD_POLL_MS, useInbox } from './inbox'

function page(unreadCount: number) {
  return new Response(JSON.stringify({ content: [], page: 0, size: 1, totalElements: unreadCount, unreadCount }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })
}

describe('the unread badge', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    useInbox().stop()
    fetchMock.mockReset()
    vi.unstubAllGlobals()
    vi.useRealTimers()
  })

  it('asks the inbox at once and then at least every 10 s while the page is shown', async () => {
    expect(UNREAD_POLL_MS).toBeLessThanOrEqual(10_000)
    fetchMock.mockResolvedValueOnce(page(2)).mockResolvedValueOnce(page(3))
    const inbox = useInbox()

    inbox.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(inbox.unread).toBe(2)
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/notifications/inbox?unread=true&size=1')

    await vi.advanceTimersByTimeAsync(UNREAD_POLL_MS)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(inbox.unread).toBe(3)
  })

  it('keeps its count when a poll fails, and stops when told', async () => {
    fetchMock.mockResolvedValueOnce(page(1)).mockRejectedValueOnce(new TypeError('offline'))
    const inbox = useInbox()
    inbox.start()
    await vi.advanceTimersByTimeAsync(UNREAD_POLL_MS)
    expect(inbox.unread).toBe(1)

    inbox.stop()
    await vi.advanceTimersByTimeAsync(3 * UNREAD_POLL_MS)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })
})
