import { describe, expect, it } from 'vitest'
import type { Finding, Item, Notification } from '@/api/types'
import type { Me } from '@/auth/permissions'
import { itemQuery, type ItemFilter } from './itemFilter'
import { todosOf } from './todos'

const item = (over: Partial<Item>): Item => ({
  id: 'i1',
  checklistId: 'c1',
  focusArea: 'OTHER',
  content: '事项',
  requirements: '要求',
  responsibleUnit: 'FGW',
  responsiblePerson: 'lead-fgw',
  method: 'ROUTINE_CHECK',
  dueDate: '2026-12-01',
  stage: 'ASSIGNED',
  light: 'GREEN',
  published: true,
  findings: [],
  history: [],
  ...over,
})

const finding = (status: Finding['status']): Finding => ({
  id: 'f1',
  itemId: 'i1',
  unit: 'FGW',
  description: '台账不全',
  severity: 'MAJOR',
  rectifyBy: '2026-12-10',
  status,
  raisedBy: 'inspector',
  raisedAt: '2026-11-30T00:00:00Z',
})

const inspector: Me = {
  id: 'inspector',
  name: '王督查',
  roles: ['INSPECTOR'],
  permissions: ['item:read', 'item:transition', 'finding:raise', 'finding:rectify', 'finding:verify'],
}
const lead: Me = {
  id: 'lead-fgw',
  name: '李主任',
  roles: ['UNIT_LEAD'],
  unit: 'FGW',
  permissions: ['item:read', 'item:progress', 'finding:rectify'],
}

describe('工作台 figures', () => {
  it("leaves closed and unpublished items out", () => {
    const todos = todosOf(lead, [item({ stage: 'CLOSED' }), item({ published: false, stage: null })], [])
    expect(todos).toEqual([])
  })

  it("gives a unit lead the unit's open items and findings to rectify", () => {
    const todos = todosOf(lead, [item({ findings: [finding('OPEN')] }), item({ id: 'i2', stage: 'CLOSED' })], [])
    expect(todos.map((t) => t.kind)).toEqual(['待办事项', '待整改'])
    expect(todos.every((t) => t.to === '/items/i1')).toBe(true)
  })

  it('gives the inspector rectified findings to verify, not to rectify', () => {
    const todos = todosOf(inspector, [item({ findings: [finding('RECTIFIED')] }), item({ id: 'i2', findings: [finding('OPEN')] })], [])
    expect(todos.map((t) => t.kind)).toEqual(['待验收'])
  })

  it('lists notices waiting for a receipt with the console route of their link', () => {
    const notice: Notification = {
      id: 'n1',
      type: 'ITEM_ASSIGNED',
      title: '请签收',
      body: '',
      createdAt: '',
      read: false,
      link: '/api/items/i9',
      receiptRequired: true,
      acknowledged: false,
    }
    const todos = todosOf(inspector, [], [notice, { ...notice, id: 'n2', acknowledged: true }])
    expect(todos).toHaveLength(1)
    expect(todos[0]).toMatchObject({ kind: '待签收', to: '/items/i9' })
  })

  it('sorts the most urgent first', () => {
    const todos = todosOf(lead, [item({ id: 'late', dueDate: '2026-12-20' }), item({ id: 'soon', dueDate: '2026-12-02' })], [])
    expect(todos.map((t) => t.to)).toEqual(['/items/soon', '/items/late'])
  })
})

describe('督办事项 query', () => {
  const filter: ItemFilter = {
    checklistId: 'c1',
    unit: 'JW',
    stage: '',
    light: 'RED',
    method: 'SPECIAL_INSPECTION',
    focusArea: 'CONGRESS_SPIRIT',
    person: ' lead-jw ',
  }

  it('asks the service for every filter, the person exactly, and the due-date order', () => {
    expect(itemQuery(filter, 'descending', false, 1, 20)).toEqual({
      checklistId: 'c1',
      unit: 'JW',
      stage: '',
      light: 'RED',
      method: 'SPECIAL_INSPECTION',
      focusArea: 'CONGRESS_SPIRIT',
      responsiblePerson: 'lead-jw',
      sort: 'dueDate,desc',
      page: 1,
      size: 20,
    })
    expect(itemQuery({ ...filter, person: '' }, null, false, 0, 50)).toMatchObject({
      responsiblePerson: undefined,
      sort: 'dueDate,asc',
      page: 0,
    })
  })

  it('never names a unit for a unit lead', () => {
    expect(itemQuery(filter, 'ascending', true, 0, 20).unit).toBeUndefined()
  })
})
