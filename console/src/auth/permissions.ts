/**
 * What the signed-in person may do, from `GET /api/me`. The gateway derives `permissions` from the
 * access table the services enforce; the console only hides what would be refused anyway, the
 * services stay the authority.
 */

export type Permission =
  | 'checklist:read'
  | 'checklist:write'
  | 'item:read'
  | 'item:transition'
  | 'item:progress'
  | 'finding:raise'
  | 'finding:rectify'
  | 'finding:verify'
  | 'statistics:read'
  | 'warning:read'
  | 'cadre:read'
  | 'cadre:write'
  | 'evaluation:read'
  | 'evaluation:write'
  | 'dossier:read'
  | 'review-case:manage'
  | 'access-log:read'
  | 'notification-rule:manage'
  | 'inbox:read'

export interface Me {
  id: string
  name: string
  roles: string[]
  unit?: string | null
  permissions: string[]
}

/** Whether `me` holds `permission` (nobody holds anything before `/api/me` answered). */
export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission)
}

/** Whether `me` holds every one of `permissions` (an empty list is always allowed). */
export function canAll(me: Me | null | undefined, permissions: readonly Permission[] | undefined): boolean {
  return (permissions ?? []).every((p) => can(me, p))
}

/**
 * Whether the person works on one unit only (a unit lead): the item list is their unit's, and no
 * unit filter is offered. Roles that see every unit win over a unit lead role.
 */
export function unitScoped(me: Me | null | undefined): boolean {
  if (!me) {
    return false
  }
  const seesAll = ['INSPECTOR', 'ADMIN', 'AUDITOR'].some((r) => me.roles.includes(r))
  return !seesAll && me.roles.includes('UNIT_LEAD')
}
