import type {
  Cadence,
  ChecklistStatus,
  FindingStatus,
  FocusArea,
  HistoryKind,
  Light,
  Method,
  Severity,
  Stage,
  WarningLevel,
} from '@/api/types'

/** The closed loop in order (建立台账 → … → 办结). */
export const STAGES: readonly Stage[] = [
  'LEDGER_REGISTERED',
  'ASSIGNED',
  'MEETING_REVIEWED',
  'INSPECTING',
  'ON_SITE_VERIFIED',
  'REPORTED',
  'CLOSED',
]

export const STAGE_LABELS: Record<Stage, string> = {
  LEDGER_REGISTERED: '建立台账',
  ASSIGNED: '专人盯办',
  MEETING_REVIEWED: '会议研究',
  INSPECTING: '调研督查',
  ON_SITE_VERIFIED: '现场核查',
  REPORTED: '定期报告',
  CLOSED: '办结',
}

export const LIGHT_LABELS: Record<Light, string> = { RED: '红', YELLOW: '黄', GREEN: '绿' }
export const LIGHT_MEANINGS: Record<Light, string> = {
  RED: '已逾期',
  YELLOW: '临近期限',
  GREEN: '正常推进',
}
export const LIGHTS: readonly Light[] = ['RED', 'YELLOW', 'GREEN']

export const FOCUS_AREA_LABELS: Record<FocusArea, string> = {
  CENTRAL_DIRECTIVES: '贯彻落实习近平总书记重要指示批示精神和党中央重大决策部署',
  CONGRESS_SPIRIT: '学习贯彻党的二十大和二十届四中全会精神',
  MAJOR_STRATEGIES: '新发展理念、高质量发展等重大战略',
  OTHER: '其他',
}
export const FOCUS_AREA_SHORT: Record<FocusArea, string> = {
  CENTRAL_DIRECTIVES: '重要指示批示',
  CONGRESS_SPIRIT: '全会精神',
  MAJOR_STRATEGIES: '重大战略',
  OTHER: '其他',
}

export const METHOD_LABELS: Record<Method, string> = {
  SPECIAL_INSPECTION: '专项督查',
  PATROL_INSPECTION: '巡视巡察',
  ROUTINE_CHECK: '日常检查',
}

export const CADENCE_LABELS: Record<Cadence, string> = { MONTHLY: '每月', QUARTERLY: '每季度' }

export const SEVERITY_LABELS: Record<Severity, string> = { MINOR: '一般', MAJOR: '较重', SEVERE: '严重' }

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  OPEN: '待整改',
  RECTIFIED: '已整改待验收',
  RECTIFYING: '退回整改中',
  VERIFIED: '已验收',
}

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  ARCHIVED: '已归档',
}

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  NONE: '无预警',
  WATCH: '关注',
  WARNING: '预警',
  SEVERE: '严重预警',
}

export const HISTORY_KIND_LABELS: Record<HistoryKind, string> = {
  REGISTERED: '登记',
  REDRAFTED: '修改草稿',
  PUBLISHED: '发布',
  REVISION: '修订',
  STAGE_CHANGED: '环节变更',
  PROGRESS: '进展报告',
  FINDING_RAISED: '发现问题',
  FINDING_RECTIFIED: '报送整改',
  FINDING_VERIFIED: '验收通过',
  FINDING_REJECTED: '退回整改',
}

/** The reference units (责任主体) of the city offices. */
export const UNITS: Record<string, string> = {
  FGW: '市发展和改革委员会',
  JW: '市教育局',
  CZJ: '市财政局',
  RSJ: '市人力资源和社会保障局',
  ZJJ: '市住房和城乡建设局',
  WJW: '市卫生健康委员会',
  JGDW: '市直机关工委',
}

export function unitName(code: string | null | undefined): string {
  if (!code) {
    return ''
  }
  return UNITS[code] ?? code
}

/** `{value, label}` options of a label table, for selects. */
export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }))
}

export const NOTIFICATION_TYPE_LABELS: Record<string, string> = {
  ITEM_PUBLISHED: '事项发布',
  ITEM_ASSIGNED: '专人盯办',
  ITEM_DUE_SOON: '临近期限',
  ITEM_OVERDUE: '事项逾期',
  FINDING_RAISED: '发现问题',
  CADRE_VETOED: '一票否决',
  UNIT_EARLY_WARNING: '单位预警',
}

/** The six dimensions of a political-quality evaluation, in the file's order. */
export const DIMENSION_LABELS: Record<string, string> = {
  POLITICAL_JUDGMENT: '政治判断力',
  POLITICAL_COMPREHENSION: '政治领悟力',
  POLITICAL_EXECUTION: '政治执行力',
  POLITICAL_STANCE: '政治立场',
  POLITICAL_ATTITUDE: '政治态度',
  POLITICAL_RESPONSIBILITY: '政治担当',
}

export const CASE_KIND_LABELS: Record<string, string> = { PROMOTION: '选拔任用', AWARD: '评先评优' }

export const READING_REASON_LABELS: Record<string, string> = {
  READ_VOLUME: '查阅次数过多',
  REFUSED_READS: '被拒查阅过多',
}

export const CONCLUSION_LABELS: Record<string, string> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  QUALIFIED: '合格',
  BASICALLY_QUALIFIED: '基本合格',
  UNQUALIFIED: '不合格',
}

export const SOURCE_LABELS: Record<string, string> = {
  ANNUAL_ASSESSMENT: '年度考核',
  DAILY_SUPERVISION: '日常监督',
  INSPECTION_FINDING: '巡察发现',
  DEMOCRATIC_APPRAISAL: '民主测评',
  OTHER: '其他',
}
