import type { FormItemRule } from 'element-plus'
import type { ItemDraft } from '@/api/types'

/**
 * The checks of the console's forms, mirroring what the services validate (they answer 400 with
 * the field otherwise): pure functions, so that they can be tested without a browser.
 */

export const UNIT_CODE = /^[A-Z]{2,10}$/
export const PERSON_ID = /^[A-Za-z0-9._-]{1,64}$/
export const SCOPE = /^(CITY|[A-Z]{2,10})$/

export type Check = (value: unknown) => string | null

export const required =
  (what: string): Check =>
  (value) =>
    value === null || value === undefined || String(value).trim() === '' ? `请填写${what}` : null

export const maxLength =
  (max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length > max ? `不能超过 ${max} 个字` : null

export const matches =
  (pattern: RegExp, message: string): Check =>
  (value) =>
    value === null || value === undefined || value === '' || pattern.test(String(value)) ? null : message

export const isoDate: Check = (value) =>
  value === null || value === undefined || value === '' || /^\d{4}-\d{2}-\d{2}$/.test(String(value))
    ? null
    : '日期格式应为 YYYY-MM-DD'

/** The first failing check's message, or null. */
export function firstProblem(value: unknown, checks: Check[]): string | null {
  for (const check of checks) {
    const problem = check(value)
    if (problem) {
      return problem
    }
  }
  return null
}

/** The checks of an item form; a published checklist's addition needs a revision reason. */
export function itemChecks(published: boolean): Record<keyof ItemDraft, Check[]> {
  return {
    focusArea: [required('聚焦领域')],
    content: [required('监督内容'), maxLength(2000)],
    requirements: [required('工作要求'), maxLength(4000)],
    responsibleUnit: [required('责任主体'), matches(UNIT_CODE, '单位代码为 2-10 个大写字母')],
    responsiblePerson: [required('责任人'), matches(PERSON_ID, '人员编号只能含字母、数字和 . _ -')],
    method: [required('监督方式')],
    dueDate: [required('完成时限'), isoDate],
    reportEvery: [],
    revisionReason: published ? [required('修订理由'), maxLength(1000)] : [maxLength(1000)],
  }
}

/** Every field's problem of a draft item (empty when it may be sent). */
export function validateItem(draft: ItemDraft, published: boolean): Partial<Record<keyof ItemDraft, string>> {
  const problems: Partial<Record<keyof ItemDraft, string>> = {}
  const checks = itemChecks(published)
  for (const field of Object.keys(checks) as (keyof ItemDraft)[]) {
    const problem = firstProblem(draft[field], checks[field])
    if (problem) {
      problems[field] = problem
    }
  }
  return problems
}

/** Element Plus form rules running the same checks. */
export function rulesOf<K extends string>(checks: Record<K, Check[]>): Record<K, FormItemRule[]> {
  const rules = {} as Record<K, FormItemRule[]>
  for (const field of Object.keys(checks) as K[]) {
    rules[field] = [
      {
        required: isRequired(checks[field]),
        trigger: ['blur', 'change'],
        validator: (_rule: unknown, value: unknown, callback: (error?: Error) => void) => {
          const problem = firstProblem(value, checks[field])
          callback(problem ? new Error(problem) : undefined)
        },
      },
    ]
  }
  return rules
}

export function checklistChecks(): Record<'year' | 'scope' | 'title', Check[]> {
  return {
    year: [required('年度'), (v) => (Number(v) >= 2000 && Number(v) <= 2100 ? null : '年度应在 2000-2100 之间')],
    scope: [required('范围'), matches(SCOPE, '范围为 CITY（全市）或单位代码')],
    title: [required('清单名称'), maxLength(200)],
  }
}

export function findingChecks(): Record<'description' | 'severity' | 'cadreId' | 'rectifyBy', Check[]> {
  return {
    description: [required('问题描述'), maxLength(4000)],
    severity: [required('严重程度')],
    cadreId: [matches(PERSON_ID, '干部编号只能含字母、数字和 . _ -')],
    rectifyBy: [required('整改期限'), isoDate],
  }
}

/** Whether the value of a field is required (the first check is a `required` one). */
export function isRequired(checks: Check[]): boolean {
  return checks.length > 0 && checks[0]!('') !== null
}
