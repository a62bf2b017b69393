import { http } from './http'
import type { EarlyWarning } from './types'
import { UNITS } from '@/domain/labels'

/** Every reference unit's early-warning level (one call per unit). */
export function allWarnings(): Promise<EarlyWarning[]> {
  return Promise.all(
    Object.keys(UNITS).map((unit) => http.get<EarlyWarning>(`/api/units/${encodeURIComponent(unit)}/early-warning`)),
  )
}
