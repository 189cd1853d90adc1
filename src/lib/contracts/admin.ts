import type { RoleName } from '@/lib/roles';

// What the administration pages hand to their forms (src/server/users, plans and populations read them).

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: RoleName;
  provinceCode: string | null;
  provinceName: string | null;
  unitName: string | null;
  agencyName: string | null;
  active: boolean;
  isDemo: boolean;
  lastSignInAt: string | null;
}

export interface UserDetail extends UserRow {
  unitId: number | null;
  agencyId: number | null;
  stamp: string;
  createdAt: string;
  passwordChangedAt: string | null;
  activeTokens: number;
}

/** A unit a local officer may be scoped to: any reporting unit of a province (commune, facility, district, its row). */
export interface ScopeUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  /** its last day when it has ended (YYYY-MM-DD): still a valid scope, to read its history */
  validTo: string | null;
}

export interface ScopeOptions {
  /** validTo: an ended province, listed (marked) so that users scoped to it keep a valid form */
  provinces: Array<{ code: string; name: string; validTo: string | null }>;
  /** the reporting units of one province (`unitsOf`): the form loads another province's when it is chosen */
  unitsOf: string | null;
  units: ScopeUnit[];
  agencies: Array<{ id: number; name: string; provinceCode: string }>;
  /** YYYY-MM-DD in Vietnam: which provinces and units have ended */
  today: string;
}

/** A criterion's comparator as stored (the plan editor shows and posts these). */
export type StoredComparator = 'GT' | 'GTE' | 'LT' | 'LTE';

export interface VersionView {
  version: number;
  validFrom: string;
  rule: string;
  criteria: Record<'cases' | 'oxygen' | 'beds' | 'icu', { comparator: StoredComparator; threshold: string }>;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export interface PlanEditorView {
  target: string;
  provinceName: string | null;
  plan: { key: string; name: string; sourceDocument: string } | null;
  /** newest first */
  versions: VersionView[];
  /** what the form starts from: the latest own version, else the plan judging the current week (the default) */
  start: VersionView;
  baseVersion: number;
  earliestValidFrom: string;
  currentWeek: string;
  lastCompleteWeek: string;
}

export interface PopulationFigureView {
  population: number;
  approximate: boolean;
  source: string;
  updatedAt: string;
  updatedBy: string | null;
}
