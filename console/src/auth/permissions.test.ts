import { describe, expect, it } from 'vitest'
import { can, canAll, unitScoped, type Me } from './permissions'

const person = (roles: string[], permissions: string[], unit: string | null = null): Me => ({
  id: 'someone',
  name: '某人',
  roles,
  unit,
  permissions,
})

const inspector = person(
  ['INSPECTOR'],
  ['checklist:read', 'checklist:write', 'item:read', 'item:transition', 'finding:verify', 'inbox:read'],
)
const leadFgw = person(['UNIT_LEAD'], ['item:read', 'item:progress', 'finding:rectify', 'inbox:read'], 'FGW')

describe('permissions', () => {
  it('grants exactly what /api/me lists', () => {
    expect(can(inspector, 'checklist:write')).toBe(true)
    expect(can(inspector, 'finding:rectify')).toBe(false)
    expect(can(leadFgw, 'finding:rectify')).toBe(true)
    expect(can(leadFgw, 'checklist:write')).toBe(false)
    expect(can(leadFgw, 'item:transition')).toBe(false)
  })

  it('grants nothing before /api/me answered', () => {
    expect(can(null, 'inbox:read')).toBe(false)
    expect(canAll(undefined, ['inbox:read'])).toBe(false)
  })

  it('needs every permission of a list, and an empty list needs none', () => {
    expect(canAll(inspector, ['checklist:read', 'item:read'])).toBe(true)
    expect(canAll(inspector, ['checklist:read', 'warning:read'])).toBe(false)
    expect(canAll(leadFgw, [])).toBe(true)
    expect(canAll(null, [])).toBe(true)
  })

  it('does not take a role name for a permission', () => {
    const odd = person(['INSPECTOR'], [])
    expect(can(odd, 'checklist:write')).toBe(false)
  })

  it('scopes a unit lead to the unit, but not a lead who also sees every unit', () => {
    expect(unitScoped(leadFgw)).toBe(true)
    expect(unitScoped(inspector)).toBe(false)
    expect(unitScoped(person(['UNIT_LEAD', 'AUDITOR'], [], 'FGW'))).toBe(false)
    expect(unitScoped(null)).toBe(false)
  })
})
