import { http } from './http'
import type { EarlyWarning } from './types'

/** Every unit's early-warning level with its indicators, in one call. */
export function allWarnings(): Promise<EarlyWarning[]> {
  return http.get<EarlyWarning[]>('/api/units/early-warning')
}
