import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import StageSteps from './StageSteps.vue'

function steps(stage: string | null) {
  const bar = mount(StageSteps, { props: { stage: stage as never } })
  const items = bar.findAll('.el-step')
  return {
    bar,
    titles: items.map((s) => s.find('.el-step__title').text()),
    statuses: items.map((s) => {
      const title = s.find('.el-step__title')
      return ['success', 'process', 'wait'].find((st) => title.classes().includes(`is-${st}`))
    }),
  }
}

describe('StageSteps', () => {
  it('shows the seven stages in order', () => {
    expect(steps('LEDGER_REGISTERED').titles).toEqual([
      '建立台账',
      '专人盯办',
      '会议研究',
      '调研督查',
      '现场核查',
      '定期报告',
      '办结',
    ])
  })

  it('marks the stages behind as done and the current one as in progress', () => {
    const { statuses, bar } = steps('INSPECTING')
    expect(statuses).toEqual(['success', 'success', 'success', 'process', 'wait', 'wait', 'wait'])
    expect(bar.text()).toContain('当前环节：调研督查（第 4 步，共 7 步）')
  })

  it('marks every stage done once closed', () => {
    expect(steps('CLOSED').statuses).toEqual(Array(7).fill('success'))
  })

  it('says so before publication', () => {
    const { bar, statuses } = steps(null)
    expect(bar.text()).toContain('尚未发布')
    expect(statuses).toEqual(Array(7).fill('wait'))
  })
})
