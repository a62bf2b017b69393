import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LightTag from './LightTag.vue'

describe('LightTag', () => {
  it.each([
    ['RED', '红', '已逾期'],
    ['YELLOW', '黄', '临近期限'],
    ['GREEN', '绿', '正常推进'],
  ] as const)('shows %s as a dot and the word %s, never colour alone', (light, word, meaning) => {
    const tag = mount(LightTag, { props: { light } })
    expect(tag.find('.dot').exists()).toBe(true)
    expect(tag.find('.dot').attributes('aria-hidden')).toBe('true')
    expect(tag.find('.word').text()).toBe(word)
    expect(tag.text()).toContain(meaning)
    expect(tag.attributes('title')).toBe(meaning)
    expect(tag.classes()).toContain(`light-${light.toLowerCase()}`)
  })

  it('shows a dash for an item not yet published', () => {
    const tag = mount(LightTag, { props: { light: null } })
    expect(tag.find('.word').text()).toBe('—')
    expect(tag.text()).toContain('未发布')
  })

  it('says 办结 for a closed item, which has no light', () => {
    const tag = mount(LightTag, { props: { light: null, closed: true } })
    expect(tag.find('.word').text()).toBe('办结')
    expect(tag.attributes('title')).toBe('已办结')
  })
})
