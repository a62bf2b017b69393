import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, request, whenSessionExpires, withQuery, xsrfToken } from './http'
import { explain, fieldErrors, importProblems } from './problems'

function answer(status: number, body?: unknown, type = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type },
  })
}

describe('the gateway client', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
    document.cookie = 'XSRF-TOKEN=abc%2D123'
  })

  afterEach(() => {
    fetchMock.mockReset()
    vi.unstubAllGlobals()
  })

  it('reads the CSRF cookie', () => {
    expect(xsrfToken('SESSION=x; XSRF-TOKEN=t%3D1; other=2')).toBe('t=1')
    expect(xsrfToken('SESSION=x')).toBeUndefined()
  })

  it('sends the CSRF header on unsafe calls only, with the session cookie', async () => {
    fetchMock.mockImplementation(async () => answer(200, { ok: true }))
    await request('POST', '/api/checklists', { body: { year: 2026 } })
    await request('GET', '/api/me')
    const [postUrl, post] = fetchMock.mock.calls[0]!
    const [, get] = fetchMock.mock.calls[1]!
    expect(postUrl).toBe('/api/checklists')
    expect((post!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc-123')
    expect((post!.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    expect(post!.body).toBe('{"year":2026}')
    expect(post!.credentials).toBe('same-origin')
    expect((get!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('lets the browser set the multipart boundary of an upload', async () => {
    fetchMock.mockResolvedValue(answer(201, { id: 'a1' }))
    const form = new FormData()
    form.append('file', new Blob(['%PDF']), 'a.pdf')
    await request('POST', '/api/items/1/attachments', { body: form })
    const [, init] = fetchMock.mock.calls[0]!
    expect(init!.body).toBe(form)
    expect((init!.headers as Record<string, string>)['Content-Type']).toBeUndefined()
    expect((init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc-123')
  })

  it('turns a problem into an ApiError with its detail and field errors', async () => {
    fetchMock.mockResolvedValue(
      answer(
        400,
        { title: 'Bad Request', status: 400, detail: '输入无效', errors: [{ field: 'content', message: '不能为空' }] },
        'application/problem+json',
      ),
    )
    const error = await request('POST', '/api/x', { body: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(fieldErrors(error)).toEqual({ content: '不能为空' })
    expect(explain(error)).toBe('输入有误：输入无效')
  })

  it('explains 403 and 409 in Chinese with the service detail', () => {
    expect(explain(new ApiError({ status: 403, detail: '只能访问本单位的事项' }))).toBe('无权执行此操作：只能访问本单位的事项')
    expect(explain(new ApiError({ status: 409, detail: '有未整改的问题，不能办结' }))).toBe(
      '操作与当前状态冲突：有未整改的问题，不能办结',
    )
    expect(explain(new ApiError({ status: 503 }))).toBe('服务暂时不可用，请稍后再试')
  })

  it('hands a 401 to the session-expired handler', async () => {
    const expired = vi.fn()
    whenSessionExpires(expired)
    fetchMock.mockResolvedValue(answer(401, { status: 401, title: 'Unauthorized' }))
    const error = await request('GET', '/api/items').catch((e: unknown) => e)
    expect(expired).toHaveBeenCalledOnce()
    expect((error as ApiError).status).toBe(401)
    expect(explain(error)).toContain('登录已过期')
  })

  it('asks once more when a call is refused but the session lives, and only once', async () => {
    const expired = vi.fn()
    whenSessionExpires(expired)
    fetchMock
      .mockResolvedValueOnce(answer(401, { status: 401 }))
      .mockResolvedValueOnce(answer(200, { id: 'lead-fgw' }))
      .mockResolvedValueOnce(answer(200, { content: [] }))
    await expect(request('GET', '/api/items')).resolves.toEqual({ content: [] })
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/items', '/api/me', '/api/items'])
    expect(expired).not.toHaveBeenCalled()

    fetchMock.mockReset()
    fetchMock
      .mockResolvedValueOnce(answer(401, { status: 401 }))
      .mockResolvedValueOnce(answer(200, { id: 'lead-fgw' }))
      .mockResolvedValueOnce(answer(401, { status: 401 }))
    const error = await request('GET', '/api/items').catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(401)
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(expired).toHaveBeenCalledOnce()
  })

  it('answers nothing for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(request('DELETE', '/api/items/1')).resolves.toBeUndefined()
  })

  it('leaves empty query values out', () => {
    expect(withQuery('/api/items', { unit: 'FGW', stage: '', light: undefined, page: 0 })).toBe('/api/items?unit=FGW&page=0')
    expect(withQuery('/api/items', {})).toBe('/api/items')
  })

  it('splits an import rejection into rows', () => {
    expect(
      importProblems([
        { field: 'row 3: responsibleUnit', message: '单位代码为 2-10 个大写字母' },
        { field: 'file', message: '最多 1000 行' },
        { field: 'rows[4].unit', message: '须为 2-10 位大写字母' },
      ]),
    ).toEqual([
      { row: 3, field: 'responsibleUnit', message: '单位代码为 2-10 个大写字母' },
      { row: null, field: 'file', message: '最多 1000 行' },
      { row: 4, field: 'unit', message: '须为 2-10 位大写字母' },
    ])
  })
})
