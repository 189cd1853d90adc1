import { NATIONAL_ROLES, type RoleName, type SessionUser } from './roles';

// The one permission table (docs/adr/0004-roles-and-sessions.md). The same `can()` hides buttons in the interface and
// refuses on the server (403 for the API, a clear message in pages). Scope is checked here AND inside each query.

export const PERMISSIONS = [
  'reports.read',
  'reports.write',
  'reports.import',
  'activation.read',
  'activation.manage',
  'tasks.read',
  'tasks.tick',
  'tokens.manage',
  'users.manage',
  'plans.manage',
  'populations.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  ADMIN: [
    'reports.read',
    'activation.read',
    'tasks.read',
    'tokens.manage',
    'users.manage',
    'plans.manage',
    'populations.manage',
    'audit.read',
  ],
  NATIONAL_LEADER: ['reports.read', 'activation.read', 'tasks.read', 'tokens.manage'],
  PROVINCIAL_DATA_ENTRY: ['reports.read', 'reports.write', 'reports.import', 'activation.read', 'tokens.manage'],
  PROVINCIAL_LEADER: [
    'reports.read',
    'activation.read',
    'activation.manage',
    'tasks.read',
    'tasks.tick',
    'tokens.manage',
  ],
  DISTRICT_OFFICER: ['reports.read', 'activation.read', 'tasks.read', 'tasks.tick'],
  AGENCY_OFFICER: ['activation.read', 'tasks.read', 'tasks.tick'],
};

/** What a permission is exercised on. Omitted: the permission in general (e.g. to show a menu entry). */
export interface Scope {
  provinceCode?: string;
  /**
   * a unit (its id): district officers act, and read reports (raw figures, histories, exports), only on their own. Pass
   * it at every read of one unit's reports; without it, reports.read means "may open the province's pages" (rates).
   */
  unitId?: number;
  /** an agency: agency officers act only on their own */
  agencyId?: number;
}

export function can(user: SessionUser | null, permission: Permission, scope: Scope = {}): boolean {
  if (!user || !ROLE_PERMISSIONS[user.role].includes(permission)) return false;
  if (
    scope.provinceCode !== undefined &&
    !NATIONAL_ROLES.includes(user.role) &&
    user.provinceCode !== scope.provinceCode
  )
    return false;
  if (user.role === 'DISTRICT_OFFICER' && scope.unitId !== undefined && scope.unitId !== user.unitId) return false;
  if (user.role === 'AGENCY_OFFICER' && scope.agencyId !== undefined && scope.agencyId !== user.agencyId) return false;
  return true;
}
