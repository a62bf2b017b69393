import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import Watermark from './Watermark.vue'

describe('Watermark', () => {
  it('names the reader and the time on every tile, and says 仅供审阅', () => {
    const mark = mount(Watermark, { props: { reader: '刘人事（市委组织部）', time: '2026/12/01 10:05' } })
    const tiles = mark.findAll('.tile')
    expect(tiles.length).toBeGreaterThan(10)
    for (const tile of tiles) {
      expect(tile.text()).toBe('刘人事（市委组织部） · 2026/12/01 10:05 · 仅供审阅')
    }
  })

  it('stays out of the way: hidden from screen readers', () => {
    const mark = mount(Watermark, { props: { reader: '刘人事', time: 't', note: '内部资料' } })
    expect(mark.attributes('aria-hidden')).toBe('true')
    expect(mark.find('.tile').text()).toContain('内部资料')
  })
})
