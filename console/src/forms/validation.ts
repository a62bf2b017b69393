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

/** Cadre ids as the service takes them: letters, digits, - and _, 1-64, not starting with - or _. */
export const CADRE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export function cadreChecks(): Record<'id' | 'name' | 'unit' | 'position', Check[]> {
  return {
    id: [required('干部编号'), matches(CADRE_ID, '编号为 1-64 位字母、数字、- 或 _，以字母或数字开头')],
    name: [required('姓名'), maxLength(100)],
    unit: [required('单位'), matches(UNIT_CODE, '单位代码为 2-10 个大写字母')],
    position: [required('职务'), maxLength(100)],
  }
}

/** A dimension score: a whole number from 1 to 5. */
export const score: Check = (value) =>
  value === null || value === undefined || value === ''
    ? null
    : Number.isInteger(Number(value)) && Number(value) >= 1 && Number(value) <= 5
      ? null
      : '评分应为 1-5 的整数'

/** A date not later than `latest` (both `YYYY-MM-DD`). */
export const notAfter =
  (latest: string): Check =>
  (value) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > latest ? '评价日期不能晚于今天' : null

export const DIMENSIONS = [
  'POLITICAL_JUDGMENT',
  'POLITICAL_COMPREHENSION',
  'POLITICAL_EXECUTION',
  'POLITICAL_STANCE',
  'POLITICAL_ATTITUDE',
  'POLITICAL_RESPONSIBILITY',
] as const

export type EvaluationField = 'date' | 'source' | 'conclusion' | 'remarks' | 'correctionReason'

/** The checks of an evaluation record's plain fields; a correction needs its reason. */
export function evaluationChecks(correcting: boolean, today: string): Record<EvaluationField, Check[]> {
  return {
    date: [required('评价日期'), isoDate, notAfter(today)],
    source: [required('评价来源')],
    conclusion: [required('评价结论')],
    remarks: [maxLength(2000)],
    correctionReason: correcting ? [required('更正理由'), maxLength(1000)] : [],
  }
}

/** The checks of each of the six dimension scores, named as the service names them. */
export function dimensionChecks(labels: Record<string, string>): Record<(typeof DIMENSIONS)[number], Check[]> {
  const checks = {} as Record<(typeof DIMENSIONS)[number], Check[]>
  for (const dimension of DIMENSIONS) {
    checks[dimension] = [(v) => (v === null || v === undefined || v === '' ? `请为${labels[dimension]}评分` : null), score]
  }
  return checks
}

/**
 * Every problem of an evaluation draft, keyed as the service names its fields (`date`,
 * `dimensions.POLITICAL_STANCE`, `correctionReason`); empty when it may be sent.
 */
export function validateEvaluation(
  draft: { [K in EvaluationField]?: unknown } & { dimensions: Record<string, unknown> },
  correcting: boolean,
  today: string,
  labels: Record<string, string>,
): Record<string, string> {
  const problems: Record<string, string> = {}
  const checks = evaluationChecks(correcting, today)
  for (const field of Object.keys(checks) as EvaluationField[]) {
    const problem = firstProblem(draft[field], checks[field])
    if (problem) {
      problems[field] = problem
    }
  }
  const dims = dimensionChecks(labels)
  for (const dimension of DIMENSIONS) {
    const problem = firstProblem(draft.dimensions[dimension], dims[dimension])
    if (problem) {
      problems[`dimensions.${dimension}`] = problem
    }
  }
  return problems
}
