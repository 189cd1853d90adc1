// Plain data (no database access), so the test factories can use it too.
/** What a signed-in user is (src/lib/roles.ts SessionUser): who, in which role, acting where. */
export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  provinceCode: true,
  unitId: true,
  agencyId: true,
} as const;
