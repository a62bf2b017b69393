import { http } from './http'

/** The services that consume events, each answering for its own dead letters. */
export type ConsumingService = 'checklist-service' | 'evaluation-service' | 'notification-service'

/** The services in the order the console offers them, with their names in the console. */
export const CONSUMING_SERVICES: readonly { value: ConsumingService; label: string }[] = [
  { value: 'checklist-service', label: '清单服务' },
  { value: 'evaluation-service', label: '档案服务' },
  { value: 'notification-service', label: '提醒服务' },
]

/** One record a service's listener parked, described without its payload. */
export interface DeadLetter {
  topic: string
  partition: number
  offset: number
  deadAt: string
  eventId?: string | null
  eventType?: string | null
  originalTopic: string
  error?: string | null
}

export interface PendingDeadLetters {
  content: DeadLetter[]
  total: number
}

export interface ReplayResult {
  replayed: number
  byTopic: Record<string, number>
}

/** `/api/dead-letters/<service>`: what the service's next replay would hand back, and the replay. */
export const deadLetters = {
  pending: (service: ConsumingService, limit: number) =>
    http.get<PendingDeadLetters>(`/api/dead-letters/${service}`, { limit }),
  replay: (service: ConsumingService) => http.post<ReplayResult>(`/api/dead-letters/${service}/replay`),
}
