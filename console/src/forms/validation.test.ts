import { describe, expect, it } from 'vitest'
import type { ItemDraft } from '@/api/types'
import { checklistChecks, findingChecks, firstProblem, isRequired, validateItem } from './validation'

const good: ItemDraft = {
  focusArea: 'CENTRAL_DIRECTIVES',
  content: '贯彻落实重要指示批示精神',
  requirements: '按月报送进展',
  responsibleUnit: 'FGW',
  responsiblePerson: 'lead-fgw',
  method: 'SPECIAL_INSPECTION',
  dueDate: '2026-12-31',
  reportEvery: '',
  revisionReason: '',
}

describe('item form checks', () => {
  it('accepts a complete draft item', () => {
    expect(validateItem(good, false)).toEqual({})
  })

  it('names every missing required field in Chinese', () => {
    const problems = validateItem(
      { ...good, focusArea: '', content: '  ', responsibleUnit: '', method: '', dueDate: '' },
      false,
    )
    expect(problems).toEqual({
      focusArea: '请填写聚焦领域',
      content: '请填写监督内容',
      responsibleUnit: '请填写责任主体',
      method: '请填写监督方式',
      dueDate: '请填写完成时限',
    })
  })

  it('checks unit code and person id as the service does', () => {
    expect(validateItem({ ...good, responsibleUnit: 'fgw' }, false).responsibleUnit).toBe('单位代码为 2-10 个大写字母')
    expect(validateItem({ ...good, responsibleUnit: 'ABCDEFGHIJK' }, false).responsibleUnit).toBeDefined()
    expect(validateItem({ ...good, responsiblePerson: '李 主任' }, false).responsiblePerson).toContain('人员编号')
  })

  it('limits the length of the texts', () => {
    expect(validateItem({ ...good, content: '字'.repeat(2001) }, false).content).toBe('不能超过 2000 个字')
    expect(validateItem({ ...good, content: '字'.repeat(2000) }, false).content).toBeUndefined()
  })

  it('needs a revision reason only once the checklist is published', () => {
    expect(validateItem(good, false).revisionReason).toBeUndefined()
    expect(validateItem(good, true).revisionReason).toBe('请填写修订理由')
    expect(validateItem({ ...good, revisionReason: '年中新增' }, true)).toEqual({})
  })

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(validateItem({ ...good, dueDate: '31/12/2026' }, false).dueDate).toBe('日期格式应为 YYYY-MM-DD')
  })
})

describe('checklist and finding checks', () => {
  it('takes CITY or a unit code as the scope', () => {
    const scope = checklistChecks().scope
    expect(firstProblem('CITY', scope)).toBeNull()
    expect(firstProblem('FGW', scope)).toBeNull()
    expect(firstProblem('city', scope)).toBe('范围为 CITY（全市）或单位代码')
  })

  it('keeps the year between 2000 and 2100', () => {
    expect(firstProblem(1999, checklistChecks().year)).toBe('年度应在 2000-2100 之间')
    expect(firstProblem(2026, checklistChecks().year)).toBeNull()
  })

  it('leaves the cadre of a finding optional but checks its form', () => {
    const checks = findingChecks()
    expect(isRequired(checks.cadreId)).toBe(false)
    expect(isRequired(checks.description)).toBe(true)
    expect(firstProblem('', checks.cadreId)).toBeNull()
    expect(firstProblem('c 1', checks.cadreId)).toContain('干部编号')
  })
})
