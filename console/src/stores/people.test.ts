import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { PEOPLE_PER_CALL, usePeople } from './people'

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('names for person ids', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    setActivePinia(createPinia())
    vi.stubGlobal('fetch', fetchMock)
  })

  afterEach(() => {
    fetchMock.mockReset()
    vi.unstubAllGlobals()
  })

  it('shows the name when known, the bare id otherwise, and asks each id once', async () => {
    fetchMock.mockResolvedValueOnce(answer([{ id: 'lead-fgw', name: '李主任（市发展改革委）', unit: 'FGW' }]))
    const people = usePeople()

    await people.learn(['lead-fgw', 'c-fgw-001', null, 'lead-fgw'])
    await people.learn(['lead-fgw', 'c-fgw-001'])

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(decodeURIComponent(String(fetchMock.mock.calls[0]![0]))).toBe('/api/people?ids=lead-fgw,c-fgw-001')
    expect(people.who('lead-fgw')).toBe('李主任（市发展改革委）')
    expect(people.who('c-fgw-001')).toBe('c-fgw-001')
    expect(people.who(undefined)).toBe('')
  })

  it('asks by itself for the ids it is asked to name, once', async () => {
    vi.useFakeTimers()
    fetchMock.mockResolvedValueOnce(answer([{ id: 'hr', name: '刘人事', unit: 'ZZB' }]))
    const people = usePeople()

    expect(people.who('hr')).toBe('hr')
    expect(people.who('evaluator')).toBe('evaluator')
    await vi.runAllTimersAsync()
    vi.useRealTimers()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(decodeURIComponent(String(fetchMock.mock.calls[0]![0]))).toBe('/api/people?ids=hr,evaluator')
    expect(people.who('hr')).toBe('刘人事')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('asks in batches the gateway accepts and keeps the ids when a call fails', async () => {
    fetchMock.mockResolvedValueOnce(answer([])).mockResolvedValueOnce(answer({ status: 503 }, 503))
    const people = usePeople()
    const ids = Array.from({ length: PEOPLE_PER_CALL + 1 }, (_, i) => `p-${i}`)

    await people.learn(ids)

    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(people.who('p-100')).toBe('p-100')
  })
})
