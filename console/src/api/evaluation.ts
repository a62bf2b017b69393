import { http } from './http'
import type { Page } from './types'

/** The shapes and calls of evaluation-service's review cases, HR's reads and the access log. */

export type CaseKind = 'PROMOTION' | 'AWARD'
export type CaseStatus = 'OPEN' | 'CLOSED'
export type Dimension =
  | 'POLITICAL_JUDGMENT'
  | 'POLITICAL_COMPREHENSION'
  | 'POLITICAL_EXECUTION'
  | 'POLITICAL_STANCE'
  | 'POLITICAL_ATTITUDE'
  | 'POLITICAL_RESPONSIBILITY'

export interface Candidate {
  cadreId: string
  name: string
  unit: string
  position: string
}

export interface ReviewCase {
  id: string
  caseNo: string
  kind: CaseKind
  kindLabel: string
  title: string
  status: CaseStatus
  statusLabel: string
  candidates: string[]
  candidateDetails: Candidate[]
  openedBy: string
  openedAt: string
  closedBy?: string | null
  closedAt?: string | null
}

export interface VetoReason {
  recordId: string
  date: string
  evaluator: string
  conclusion: string
}

export interface Eligibility {
  cadreId: string
  purpose: string
  caseId: string
  kind: CaseKind
  eligible: boolean
  vetoed: boolean
  reasons: VetoReason[]
}

export interface EvaluationRecord {
  id: string
  date: string
  source: string
  sourceLabel: string
  evaluator: string
  dimensions: Partial<Record<Dimension, number>>
  conclusion: string
  conclusionLabel: string
  remarks?: string | null
  evidence?: string[]
  supersedes?: string | null
  superseded: boolean
  supersededBy?: string | null
  correctionReason?: string | null
  recordedAt?: string
}

/** A cadre's profile (no file). */
export interface CadreProfile {
  id: string
  name: string
  unit: string
  position: string
  status: 'ACTIVE' | 'INACTIVE'
  registeredAt: string
}

/** What an evaluator enters: a new record, or a correction superseding one. */
export interface EvaluationDraft {
  date: string
  source: string
  dimensions: Record<Dimension, number | undefined>
  conclusion: string
  remarks: string
  supersedes?: string
  correctionReason?: string
}

export interface VetoView {
  kind: CaseKind
  kindLabel: string
  vetoed: boolean
  reasons: VetoReason[]
}

export interface Dossier {
  purpose: string
  reviewCase: { id: string; caseNo: string; kind: CaseKind; kindLabel: string; title: string }
  cadre: { id: string; name: string; unit: string; position: string; status: string }
  records: EvaluationRecord[]
  linkedFindings: { findingId: string; description: string; severity: string; status: string; rectifyBy?: string }[]
  veto?: VetoView | null
  awardVeto?: VetoView | null
  generatedAt: string
}

export interface AccessLogEntry {
  seq: number
  actor: string
  roles: string[]
  at: string
  cadreId: string
  purpose: string
  endpoint: string
  outcome: number
  requestId?: string | null
}

export interface ReadingAlert {
  reader: string
  reason: 'READ_VOLUME' | 'REFUSED_READS'
  count: number
  threshold: number
  windowStart: string
  windowEnd: string
  raisedAt: string
}

export interface Verification {
  valid: boolean
  checked: number
  firstBrokenSeq?: number | null
  counter: number
  gaps: { from: number; to: number; kind: 'MISSING' | 'GAP' }[]
  checkpointSeq?: number | null
  witnessedSeq?: number | null
  witness: 'MATCH' | 'NONE' | 'BROKEN' | 'UNAVAILABLE'
  problems: { seq?: number | null; kind: string; message: string }[]
}

export interface AccessLogQuery {
  cadreId?: string
  actor?: string
  caseNo?: string
  outcome?: string
  from?: string
  to?: string
  page: number
  size: number
}

const id = encodeURIComponent

export const reviewCases = {
  list: (status?: CaseStatus | '') => http.get<ReviewCase[]>('/api/review-cases', { status }),
  get: (caseId: string) => http.get<ReviewCase>(`/api/review-cases/${id(caseId)}`),
  open: (body: { caseNo: string; kind: CaseKind; title: string; candidates: string[] }) =>
    http.post<ReviewCase>('/api/review-cases', body),
  addCandidate: (caseId: string, cadreId: string) =>
    http.post<ReviewCase>(`/api/review-cases/${id(caseId)}/candidates`, { cadreId }),
  close: (caseId: string) => http.post<ReviewCase>(`/api/review-cases/${id(caseId)}/close`),
}

export const cadres = {
  page: (query: { unit?: string; name?: string; page: number; size: number }) =>
    http.get<Page<CadreProfile>>('/api/cadres', { ...query }),
  get: (cadreId: string) => http.get<CadreProfile>(`/api/cadres/${id(cadreId)}`),
  register: (body: { id: string; name: string; unit: string; position: string }) =>
    http.post<CadreProfile>('/api/cadres', body),
  importFile: (file: File) => {
    const form = new FormData()
    form.append('file', file)
    return http.upload<{ imported: number; ids: string[] }>('/api/cadres/import', form)
  },
  /** The records of the file, for the evaluator who keeps it (the read is logged). */
  records: (cadreId: string) =>
    http.get<{ cadre: CadreProfile; records: EvaluationRecord[] }>(`/api/cadres/${id(cadreId)}/evaluations`),
  record: (cadreId: string, body: EvaluationDraft) =>
    http.post<EvaluationRecord>(`/api/cadres/${id(cadreId)}/evaluations`, body),
}

export const files = {
  dossier: (cadreId: string, caseId: string) => http.get<Dossier>(`/api/cadres/${id(cadreId)}/dossier`, { caseId }),
  eligibility: (cadreId: string, caseId: string, kind: CaseKind) =>
    http.get<Eligibility>(
      `/api/cadres/${id(cadreId)}/${kind === 'PROMOTION' ? 'promotion' : 'award'}-eligibility`,
      { caseId },
    ),
  pdfUrl: (cadreId: string, caseId: string) => `/api/cadres/${id(cadreId)}/dossier.pdf?caseId=${id(caseId)}`,
}

export const accessLog = {
  page: (query: AccessLogQuery) => http.get<Page<AccessLogEntry>>('/api/access-log', { ...query }),
  alerts: (page: number, size: number) => http.get<Page<ReadingAlert>>('/api/access-log/alerts', { page, size }),
  verify: () => http.get<Verification>('/api/access-log/verify'),
}
