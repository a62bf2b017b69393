import { describe, expect, it } from 'vitest'
import { noticeText, routeOfLink } from './links'

describe('notice links', () => {
  it('turns an API link into a console route', () => {
    expect(routeOfLink('/api/items/i-1')).toBe('/items/i-1')
    expect(routeOfLink('/elsewhere')).toBeNull()
    expect(routeOfLink(null)).toBeNull()
  })

  it('drops the closing API path from a notice body, nothing else', () => {
    expect(noticeText('已进入专人盯办，请及时签收。详情：/api/items/f1a1-55dd')).toBe('已进入专人盯办，请及时签收。')
    expect(noticeText('Assigned. Details: /api/items/i-1\n')).toBe('Assigned.')
    expect(noticeText('详情：见附件。')).toBe('详情：见附件。')
  })
})
