import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Permission } from '@/auth/permissions'
import { useSession } from '@/stores/session'
import { useTabs } from '@/stores/tabs'
import AppLayout from '@/layout/AppLayout.vue'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** shown in the left menu under this name */
    menu?: string
    icon?: string
    permission?: Permission
  }
}

/** Every page but the layout is loaded when first opened. */
export const pages: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/DashboardView.vue'),
    meta: { title: '工作台', menu: '工作台', icon: 'House' },
  },
  {
    path: 'checklists',
    name: 'checklists',
    component: () => import('@/views/ChecklistsView.vue'),
    meta: { title: '督查清单', menu: '督查清单', icon: 'Tickets', permission: 'checklist:read' },
  },
  {
    path: 'checklists/:id',
    name: 'checklist',
    component: () => import('@/views/ChecklistDetailView.vue'),
    meta: { title: '清单详情', permission: 'checklist:read' },
  },
  {
    path: 'items',
    name: 'items',
    component: () => import('@/views/ItemsView.vue'),
    meta: { title: '督办事项', menu: '督办事项', icon: 'List', permission: 'item:read' },
  },
  {
    path: 'items/:id',
    name: 'item',
    component: () => import('@/views/ItemDetailView.vue'),
    meta: { title: '事项详情', permission: 'item:read' },
  },
  {
    path: 'statistics',
    name: 'statistics',
    component: () => import('@/views/StatisticsView.vue'),
    meta: { title: '统计分析', menu: '统计分析', icon: 'PieChart', permission: 'statistics:read' },
  },
  {
    path: 'warnings',
    name: 'warnings',
    component: () => import('@/views/WarningsView.vue'),
    meta: { title: '单位预警', menu: '单位预警', icon: 'Warning', permission: 'warning:read' },
  },
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('@/views/InboxView.vue'),
    meta: { title: '消息中心', menu: '消息中心', icon: 'Bell', permission: 'inbox:read' },
  },
  {
    path: 'cadres',
    name: 'cadres',
    component: () => import('@/views/CadresView.vue'),
    meta: { title: '干部档案', menu: '干部档案', icon: 'User', permission: 'cadre:read' },
  },
  {
    // where notices about a cadre lead: the file for its keeper, a choice of review case for HR
    path: 'cadres/:id',
    name: 'cadre',
    component: () => import('@/views/CadreView.vue'),
    meta: { title: '干部档案详情' },
  },
  {
    path: 'review-cases',
    name: 'review-cases',
    component: () => import('@/views/ReviewCasesView.vue'),
    meta: { title: '选任审查', menu: '选任审查', icon: 'Stamp', permission: 'review-case:manage' },
  },
  {
    path: 'review-cases/:id',
    name: 'review-case',
    component: () => import('@/views/ReviewCaseView.vue'),
    meta: { title: '审查案件', permission: 'review-case:manage' },
  },
  {
    path: 'review-cases/:caseId/dossier/:cadreId',
    name: 'dossier',
    component: () => import('@/views/DossierView.vue'),
    meta: { title: '政治素质档案', permission: 'dossier:read' },
  },
  {
    path: 'access-log',
    name: 'access-log',
    component: () => import('@/views/AccessLogView.vue'),
    meta: { title: '访问审计', menu: '访问审计', icon: 'View', permission: 'access-log:read' },
  },
  {
    path: 'admin',
    name: 'admin',
    component: () => import('@/views/AdminView.vue'),
    meta: { title: '系统管理', menu: '系统管理', icon: 'Setting', permission: 'notification-rule:manage' },
  },
  {
    path: 'forbidden',
    name: 'forbidden',
    component: () => import('@/views/ResultView.vue'),
    props: { kind: 'forbidden' },
    meta: { title: '无权访问' },
  },
  {
    path: ':rest(.*)*',
    name: 'not-found',
    component: () => import('@/views/ResultView.vue'),
    props: { kind: 'not-found' },
    meta: { title: '页面不存在' },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes: [{ path: '/', component: AppLayout, children: pages }],
})

router.beforeEach(async (to) => {
  const session = useSession()
  await session.load()
  if (to.meta.permission && !session.can(to.meta.permission)) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})

router.afterEach((to) => {
  const title = to.meta.title ?? '工作台'
  document.title = `${title} - 政治监督工作台`
  if (to.name !== 'forbidden' && to.name !== 'not-found') {
    useTabs().open({ path: to.path, fullPath: to.fullPath, title })
  }
})
