import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Notification } from '@/api/types'
import ReceiptDeadline from './ReceiptDeadline.vue'

const notice = (over: Partial<Notification>): Notification => ({
  id: 'n1',
  type: 'FINDING_RAISED',
  title: '发现问题',
  body: '请整改并签收',
  createdAt: '2026-12-01T00:00:00Z',
  read: false,
  receiptRequired: true,
  acknowledged: false,
  ...over,
})
const now = new Date('2026-12-03T02:00:00Z')

describe('ReceiptDeadline', () => {
  it('shows the deadline of a notice still to be signed for', () => {
    const shown = mount(ReceiptDeadline, { props: { notice: notice({ acknowledgeBy: '2026-12-05T09:00:00Z' }), now } })
    expect(shown.text()).toBe('签收期限 2026/12/05 17:00')
    expect(shown.attributes('data-overdue')).toBe('false')
    expect(shown.classes()).not.toContain('overdue')
  })

  it('says 已逾期 in words, not only in red, once the deadline has passed', () => {
    const shown = mount(ReceiptDeadline, { props: { notice: notice({ acknowledgeBy: '2026-12-02T09:00:00Z' }), now } })
    expect(shown.text()).toContain('已逾期')
    expect(shown.text()).toContain('签收期限 2026/12/02 17:00')
    expect(shown.classes()).toContain('overdue')
  })

  it('shows when it was signed for, late or not', () => {
    const shown = mount(ReceiptDeadline, {
      props: {
        notice: notice({ acknowledged: true, acknowledgedAt: '2026-12-02T10:30:00Z', acknowledgeBy: '2026-12-02T09:00:00Z' }),
        now,
      },
    })
    expect(shown.text()).toBe('已签收 2026/12/02 18:30')
  })

  it('needs no deadline', () => {
    expect(mount(ReceiptDeadline, { props: { notice: notice({ acknowledgeBy: null }), now } }).text()).toBe('待签收')
  })
})
