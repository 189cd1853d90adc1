// Roles and their scope, shared by the server and the interface (src/server/auth, docs/adr/0004-roles-and-sessions.md).
export const ROLES = [
  'ADMIN',
  'NATIONAL_LEADER',
  'PROVINCIAL_DATA_ENTRY',
  'PROVINCIAL_LEADER',
  'LOCAL_OFFICER',
  'AGENCY_OFFICER',
] as const;
export type RoleName = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: RoleName;
  /** GSO code of the user's province; null for national roles */
  provinceCode: string | null;
  /** the district of a district officer */
  unitId: number | null;
  /** the agency of an agency officer */
  agencyId: number | null;
}

export const NATIONAL_ROLES: readonly RoleName[] = ['ADMIN', 'NATIONAL_LEADER'];

/** Where a user lands after signing in: national roles on the national overview, the others on their province. */
export function homePath(user: SessionUser): string {
  if (NATIONAL_ROLES.includes(user.role)) return '/national';
  return user.provinceCode ? `/provinces/${user.provinceCode}` : '/provinces';
}
