/** The JSON shapes of the services, as their controllers answer them. */

export type Stage =
  | 'LEDGER_REGISTERED'
  | 'ASSIGNED'
  | 'MEETING_REVIEWED'
  | 'INSPECTING'
  | 'ON_SITE_VERIFIED'
  | 'REPORTED'
  | 'CLOSED'
export type Light = 'GREEN' | 'YELLOW' | 'RED'
export type FocusArea = 'CENTRAL_DIRECTIVES' | 'CONGRESS_SPIRIT' | 'MAJOR_STRATEGIES' | 'OTHER'
export type Method = 'SPECIAL_INSPECTION' | 'PATROL_INSPECTION' | 'ROUTINE_CHECK'
export type Cadence = 'MONTHLY' | 'QUARTERLY'
export type Severity = 'MINOR' | 'MAJOR' | 'SEVERE'
export type FindingStatus = 'OPEN' | 'RECTIFIED' | 'RECTIFYING' | 'VERIFIED'
export type ChecklistStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED'
export type WarningLevel = 'NONE' | 'WATCH' | 'WARNING' | 'SEVERE'
export type HistoryKind =
  | 'REGISTERED'
  | 'REDRAFTED'
  | 'PUBLISHED'
  | 'REVISION'
  | 'STAGE_CHANGED'
  | 'PROGRESS'
  | 'FINDING_RAISED'
  | 'FINDING_RECTIFIED'
  | 'FINDING_VERIFIED'
  | 'FINDING_REJECTED'

export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages?: number
}

export interface Revision {
  at: string
  actor: string
  reason: string
  change: string
}

export interface Checklist {
  id: string
  year: number
  scope: string
  title: string
  status: ChecklistStatus
  createdBy: string
  createdAt: string
  publishedBy?: string | null
  publishedAt?: string | null
  archivedAt?: string | null
  revisions?: Revision[] | null
  items?: Item[]
}

/** Evidence of a step: an uploaded file (`attachmentId`) or a reference to a document elsewhere. */
export interface Evidence {
  name: string
  uri?: string | null
  attachmentId?: string | null
  contentType?: string | null
  size?: number | null
}

export interface HistoryEntry {
  at: string
  actor: string
  kind: HistoryKind
  from?: Stage | null
  to?: Stage | null
  findingId?: string | null
  note?: string | null
  evidence?: Evidence[]
}

export interface Finding {
  id: string
  itemId: string
  unit: string
  description: string
  severity: Severity
  cadreId?: string | null
  rectifyBy: string
  status: FindingStatus
  report?: string | null
  verificationNote?: string | null
  raisedBy: string
  raisedAt: string
  rectifiedAt?: string | null
  verifiedAt?: string | null
  /** that of the latest rectification report */
  evidence?: Evidence[]
}

export interface ItemDraft {
  focusArea: FocusArea | ''
  content: string
  requirements: string
  responsibleUnit: string
  responsiblePerson: string
  method: Method | ''
  dueDate: string
  reportEvery?: Cadence | '' | null
  revisionReason?: string
}

export interface Item {
  id: string
  checklistId: string
  focusArea: FocusArea
  content: string
  requirements: string
  responsibleUnit: string
  responsiblePerson: string
  method: Method
  dueDate: string
  reportEvery?: Cadence | null
  stage?: Stage | null
  light?: Light | null
  published: boolean
  assignee?: string | null
  findings: Finding[]
  history: HistoryEntry[]
}

export interface Statistics {
  checklistId: string
  total: number
  closed: number
  completionRate: number
  byStage: Record<string, number>
  byLight: Record<string, number>
  byUnit: Record<string, number>
  byMethod: Record<string, number>
  byFocusArea: Record<string, number>
  /** open items of each unit by light */
  byUnitAndLight: Record<string, Partial<Record<Light, number>>>
}

export interface EarlyWarning {
  unit: string
  level: WarningLevel
  indicators: { redItems: number; openMajorFindings: number; vetoedCadres: number }
}

export interface Notification {
  id: string
  type: string
  title: string
  body: string
  createdAt: string
  read: boolean
  link?: string | null
  addresseeKind?: string
  addressee?: string
  receiptRequired: boolean
  acknowledged: boolean
  acknowledgedAt?: string | null
  /** by when a notice that needs 签收 is to be signed for */
  acknowledgeBy?: string | null
}

export interface InboxPage extends Page<Notification> {
  unreadCount: number
}

export interface Attachment {
  id: string
  fileName: string
  contentType: string
  size: number
  uploadedBy: string
  uploadedAt: string
  itemId?: string | null
  findingId?: string | null
}
