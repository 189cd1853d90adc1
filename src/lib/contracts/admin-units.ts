import type { RoleName } from '@/lib/roles';

// What /admin/units hands to its forms (src/server/units/admin.ts reads them).

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  kind: string;
  provinceCode: string;
}

/** A user whose scope is an ended unit (a province, or a local officer's unit), with where it went in full. */
export interface EndedScopeRow {
  userId: number;
  email: string;
  name: string;
  role: RoleName;
  active: boolean;
  stamp: string;
  /** the ended unit the scope names: the province (province roles) or the unit (local officers) */
  scope: UnitRef & { validTo: string };
  /** the units it went into in full (UnitSuccession share 'full'), valid today: the moves offered */
  successors: UnitRef[];
  /** why no move is offered: no full successor, or a scope the move cannot carry over (an agency of the old plan) */
  blocked: 'noFullSuccessor' | 'agency' | null;
}

export interface FacilityRow {
  id: number;
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  stamp: string;
}

export interface CatalogueChangeRow {
  effectiveDate: string | null;
  source: string;
  units: number;
  successions: number;
  appliedAt: string;
  actorLabel: string;
}
