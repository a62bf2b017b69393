/**
 * The one way the console talks to the gateway: same-origin fetch with the session cookie, the
 * CSRF header on unsafe calls, problem+json turned into {@link ApiError}, and a 401 (session
 * expired) sending the browser back through sign-in to the page it is on.
 *
 * A 401 while the session still lives (`GET /api/me` answers) is asked once more: the gateway
 * refreshes the person's access token on the way, and of two calls refreshing at the same moment
 * one may be refused though the other renewed the session's tokens.
 */

export interface FieldError {
  field: string
  message: string
}

/** An RFC 9457 problem as the services and the gateway answer it. */
export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  errors?: FieldError[]
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`)
    this.name = 'ApiError'
  }

  get status(): number {
    return this.problem.status
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The value of cookie `XSRF-TOKEN` (the gateway sets it on any GET), if any. */
export function xsrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='))
    }
  }
  return undefined
}

type ExpiredHandler = () => void
let onExpired: ExpiredHandler = () => window.location.assign(currentLocation())

/** What to do when the session has expired (the layout shows a message first). */
export function whenSessionExpires(handler: ExpiredHandler): void {
  onExpired = handler
}

/** The page the browser is on, to come back to after signing in again. */
export function currentLocation(): string {
  const { pathname, search, hash } = window.location
  return pathname + search + hash
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>
  body?: unknown
  signal?: AbortSignal
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
  retried = false,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' }
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (UNSAFE.has(method)) {
    const token = xsrfToken()
    if (token) {
      headers['X-XSRF-TOKEN'] = token
    }
  }
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') {
      throw e
    }
    throw new ApiError({ status: 0, title: '网络错误', detail: '无法连接服务器，请检查网络' })
  }
  if (response.status === 401) {
    if (!retried && path !== ME && (await sessionLives())) {
      return request<T>(method, path, options, true)
    }
    onExpired()
    throw new ApiError({ status: 401, title: '登录已过期', detail: '登录已过期，请重新登录' })
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response))
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T
  }
  const type = response.headers.get('Content-Type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

const ME = '/api/me'

/** Whether the gateway still knows the signed-in person. */
async function sessionLives(): Promise<boolean> {
  try {
    const me = await fetch(ME, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    return me.ok
  } catch {
    return false
  }
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) {
    return path
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value))
    }
  }
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const parsed = (await response.json()) as Partial<Problem>
    return { ...parsed, status: response.status }
  } catch {
    return { status: response.status, title: response.statusText }
  }
}

export const http = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
}
