import { describe, expect, it } from 'vitest'
import { DIMENSION_LABELS } from '@/domain/labels'
import { cadreChecks, DIMENSIONS, firstProblem, validateEvaluation } from './validation'

const TODAY = '2026-12-01'

function draft(overrides: Record<string, unknown> = {}) {
  const dimensions: Record<string, unknown> = {}
  DIMENSIONS.forEach((d) => (dimensions[d] = 4))
  return {
    date: '2026-11-30',
    source: 'ANNUAL_ASSESSMENT',
    conclusion: 'GOOD',
    remarks: '年度考核',
    correctionReason: '',
    dimensions,
    ...overrides,
  }
}

describe('evaluation record form checks', () => {
  it('accepts a complete record with six scores from 1 to 5', () => {
    expect(validateEvaluation(draft(), false, TODAY, DIMENSION_LABELS)).toEqual({})
  })

  it('names each missing or out-of-range dimension as the service names it', () => {
    const d = draft()
    d.dimensions.POLITICAL_STANCE = null
    d.dimensions.POLITICAL_ATTITUDE = 6
    d.dimensions.POLITICAL_JUDGMENT = 2.5
    expect(validateEvaluation(d, false, TODAY, DIMENSION_LABELS)).toEqual({
      'dimensions.POLITICAL_STANCE': '请为政治立场评分',
      'dimensions.POLITICAL_ATTITUDE': '评分应为 1-5 的整数',
      'dimensions.POLITICAL_JUDGMENT': '评分应为 1-5 的整数',
    })
  })

  it('requires date, source and conclusion, and refuses a date after today', () => {
    expect(validateEvaluation(draft({ date: '', source: '', conclusion: '' }), false, TODAY, DIMENSION_LABELS)).toEqual({
      date: '请填写评价日期',
      source: '请填写评价来源',
      conclusion: '请填写评价结论',
    })
    expect(validateEvaluation(draft({ date: '2026-12-02' }), false, TODAY, DIMENSION_LABELS).date).toBe('评价日期不能晚于今天')
    expect(validateEvaluation(draft({ date: '2026-12-01' }), false, TODAY, DIMENSION_LABELS).date).toBeUndefined()
  })

  it('asks a correction for its reason, and only a correction', () => {
    expect(validateEvaluation(draft(), true, TODAY, DIMENSION_LABELS)).toEqual({ correctionReason: '请填写更正理由' })
    expect(validateEvaluation(draft({ correctionReason: '录入有误' }), true, TODAY, DIMENSION_LABELS)).toEqual({})
    expect(validateEvaluation(draft({ correctionReason: 'x'.repeat(1001) }), true, TODAY, DIMENSION_LABELS).correctionReason).toBe(
      '不能超过 1000 个字',
    )
  })
})

describe('cadre registration checks', () => {
  it('checks id and unit as the service does', () => {
    const checks = cadreChecks()
    expect(firstProblem('zhang-san_01', checks.id)).toBeNull()
    expect(firstProblem('-zhang', checks.id)).toContain('编号')
    expect(firstProblem('张三', checks.id)).toContain('编号')
    expect(firstProblem('fgw', checks.unit)).toBe('单位代码为 2-10 个大写字母')
    expect(firstProblem('', checks.name)).toBe('请填写姓名')
  })
})
