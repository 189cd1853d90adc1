import { NATIONAL_ROLES, type RoleName, type SessionUser } from './roles';

// The one permission table (docs/adr/0004-roles-and-sessions.md). The same `can()` hides buttons in the interface and
// refuses on the server (403 for the API, a clear message in pages). Scope is checked here AND inside each query.
// Every finer rule derived from it lives below it, so the pages (to show a button) and the server (to refuse) share one
// answer.

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
  'units.manage',
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
    'units.manage',
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
  LOCAL_OFFICER: ['reports.read', 'activation.read', 'tasks.read', 'tasks.tick'],
  AGENCY_OFFICER: ['activation.read', 'tasks.read', 'tasks.tick'],
};

/** What a permission is exercised on. Omitted: the permission in general (e.g. to show a menu entry). */
export interface Scope {
  provinceCode?: string;
  /**
   * a unit (its id): local officers act, and read reports (raw figures, histories, exports), only on their own unit, of
   * any level (a commune, a facility, a former district, the province's own row), ended or not: an officer of an ended
   * unit keeps reading its history. Pass it at every read of one unit's reports; without it, reports.read means "may
   * open the province's pages" (rates).
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
  if (user.role === 'LOCAL_OFFICER' && scope.unitId !== undefined && scope.unitId !== user.unitId) return false;
  if (user.role === 'AGENCY_OFFICER' && scope.agencyId !== undefined && scope.agencyId !== user.agencyId) return false;
  return true;
}

/**
 * May this user edit reports stored under a former unit (outside the unit's validity: "báo cáo theo đơn vị cũ")?
 * Administrators only, in the entry grid's section of such reports (issue 15; docs/adr/0014-units-in-time.md).
 */
export function canEditFormerUnitReports(user: SessionUser | null): boolean {
  return user?.role === 'ADMIN';
}

/** Can this user read the figures of this province? National roles read all; the others only their own. */
export function canReadProvince(user: SessionUser, provinceCode: string): boolean {
  return NATIONAL_ROLES.includes(user.role) || user.provinceCode === provinceCode;
}

/** The scope of a read of a province's reports (raw figures), as the reads receive it. */
export interface ReportsReadScope {
  provinceCode: string;
  unitId?: number;
}

/**
 * Where a user reads a province's reports (the API's list and export): a local officer only their own unit's, so
 * their scope names it, and both can() and the read's where clause keep to it; the others the whole province.
 */
export function reportsReadScope(user: SessionUser, provinceCode: string): ReportsReadScope {
  if (user.role !== 'LOCAL_OFFICER') return { provinceCode };
  // an officer without a unit (the user forms refuse one) reads no unit's reports: no unit has id 0
  return { provinceCode, unitId: user.unitId ?? 0 };
}

/** The national overview: national roles that read reports. */
export function canSeeNational(user: SessionUser): boolean {
  return NATIONAL_ROLES.includes(user.role) && can(user, 'reports.read');
}

/** What the user may see of a province: its figures, only the surge status (agency officers), or nothing. */
export type ProvinceAccess = 'figures' | 'status' | 'none';

export function provinceAccess(user: SessionUser, provinceCode: string): ProvinceAccess {
  if (can(user, 'reports.read', { provinceCode })) return 'figures';
  if (can(user, 'activation.read', { provinceCode })) return 'status';
  return 'none';
}

export function canManageActivation(user: SessionUser, provinceCode: string): boolean {
  return can(user, 'activation.manage', { provinceCode });
}

/**
 * Why a user may not manage an existing activation or its tasks (standing down, due dates), as a message key of the
 * 'response' namespace; null when they may. A leader of another province is told so.
 */
export function manageDenial(
  user: SessionUser,
  provinceCode: string,
): 'errors.forbidden' | 'errors.otherProvince' | null {
  if (canManageActivation(user, provinceCode)) return null;
  return provinceCode === user.provinceCode ? 'errors.forbidden' : 'errors.otherProvince';
}

/** Whose a task is. */
export interface TaskOwnership {
  provinceCode: string;
  agencyId: number;
  /** set on the district committees' per-district copies */
  districtId: number | null;
}

/** Why a user may not tick a task, as a message key of the 'response' namespace; null when they may. */
export type TickDenial = 'errors.otherProvince' | 'errors.otherDistrict' | 'errors.otherAgency' | 'errors.forbidden';

export function tickDenial(user: SessionUser, task: TaskOwnership): TickDenial | null {
  if (user.provinceCode !== task.provinceCode) return 'errors.otherProvince';
  switch (user.role) {
    // Leaders answer for the whole plan: they tick the bodies without an officer, and may tick any task of their
    // province (a body whose officer has no account yet must not block the checklist).
    case 'PROVINCIAL_LEADER':
      return canManageActivation(user, task.provinceCode) ? null : 'errors.forbidden';
    case 'LOCAL_OFFICER':
      // can() compares unitId only when the scope names one: a province body's task (no district) is not theirs
      if (task.districtId === null) return 'errors.otherDistrict';
      return can(user, 'tasks.tick', { provinceCode: task.provinceCode, unitId: task.districtId })
        ? null
        : 'errors.otherDistrict';
    case 'AGENCY_OFFICER':
      return can(user, 'tasks.tick', { provinceCode: task.provinceCode, agencyId: task.agencyId })
        ? null
        : 'errors.otherAgency';
    default:
      return 'errors.forbidden';
  }
}
