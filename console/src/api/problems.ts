import { ApiError, type FieldError } from './http'

const HEADLINES: Record<number, string> = {
  0: '网络错误',
  400: '输入有误',
  403: '无权执行此操作',
  404: '未找到要操作的对象',
  409: '操作与当前状态冲突',
  413: '文件或内容过大',
  415: '不支持的文件类型',
  422: '请求与之前的提交不一致',
  429: '操作过于频繁，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
}

/** A clear Chinese sentence for a failed call, with the service's own `detail` when it gave one. */
export function explain(error: unknown): string {
  if (error instanceof ApiError) {
    const headline = HEADLINES[error.status] ?? (error.status >= 500 ? '服务出错，请稍后再试' : '请求未成功')
    const detail = error.problem.detail?.trim()
    return detail && detail !== headline ? `${headline}：${detail}` : headline
  }
  return error instanceof Error ? `出错了：${error.message}` : '出错了'
}

/** The 400 answer's field errors by field name (`row 3: content` keeps its whole name). */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (error instanceof ApiError && error.status === 400) {
    for (const { field, message } of error.problem.errors ?? []) {
      result[field] = result[field] ? `${result[field]}；${message}` : message
    }
  }
  return result
}

/**
 * One row of an import's rejection: `row 3: content` (checklist-service) or `rows[3].unit`
 * (evaluation-service) -> {row: 3, field: 'content'}.
 */
export interface ImportProblem {
  row: number | null
  field: string
  message: string
}

export function importProblems(errors: FieldError[]): ImportProblem[] {
  return errors.map(({ field, message }) => {
    const match = /^row (\d+):\s*(.*)$/.exec(field) ?? /^rows\[(\d+)\]\.(.*)$/.exec(field)
    return match
      ? { row: Number(match[1]), field: match[2], message }
      : { row: null, field, message }
  })
}
