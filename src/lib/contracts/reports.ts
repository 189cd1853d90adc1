import type { SurgeLevel } from '@/lib/surge';
import type { FigureField, Figures } from '@/lib/validations/figures';

// What the entry grid receives: the week's units and, after a save, the rows saved, the conflicts to merge and the
// warnings to confirm. src/server/reports produces them.

export interface EntryReport {
  id: number;
  version: number;
  figures: Figures;
  updatedBy: string | null;
  updatedAt: string;
}

export interface EntryUnit {
  id: number;
  /** the unit's handle (what the save names it by) */
  code: string;
  /** its official code, shown in the row */
  gsoCode: string;
  name: string;
  /** 'province' | 'district' | 'commune' | 'facility' */
  kind: string;
  /** the figures this row reports in the week (src/lib/units.ts figuresAllowed): the others are not inputs */
  fields: FigureField[];
  /** a report stored under a former unit (outside its validity): the unit's validity, YYYY-MM-DD or null */
  former: { validFrom: string | null; validTo: string | null } | null;
  population: number | null;
  report: EntryReport | null;
  /** last week's figures, shown beside each cell */
  previous: Figures | null;
}

/** A soft warning: saved only once the user has confirmed the warnings. */
export type RowWarning =
  | {
      ref: number;
      unitCode: string;
      week: string;
      code: 'farFromHistory';
      field: FigureField;
      value: number;
      median: number;
      history: number;
    }
  | { ref: number; unitCode: string; week: string; code: 'alreadyReported'; by: string | null; at: string }
  /** stored figures the save turns into "not reported" (an empty cell, a null, an empty column of a file) */
  | { ref: number; unitCode: string; week: string; code: 'clearsFigures'; fields: FigureField[] };

/** What the response plan does after the save (src/server/activation/consequence.ts previews it exactly). */
export type ConsequenceAction = 'open' | 'propose' | 'withdraw' | 'none';

/**
 * A save that changes the province's verdict for the latest complete week (a warning of its own kind, about the whole
 * province rather than a cell), or, once saved, what that save did. `key` names the consequence: a confirmation sends
 * it back, and a save whose consequence has a different key by then is asked again.
 */
export interface LevelChange {
  code: 'levelChange';
  week: string;
  from: SurgeLevel;
  to: SurgeLevel;
  /** no report still missing could change `to` */
  settled: boolean;
  action: ConsequenceAction;
  /** the bodies of the plan that get tasks ('open', 'propose': once activated) or lose them ('withdraw'); 'none': 0 */
  agencies: number;
  key: string;
}

export interface StoredState {
  version: number;
  figures: Figures;
  updatedBy: string | null;
  updatedAt: string;
}

/** The stored report changed since the caller read it: their figures are not saved; these are the stored ones. */
export interface RowConflict {
  ref: number;
  unitCode: string;
  week: string;
  yourVersion: number;
  /** null: the report the caller read no longer exists (it never had one and someone else created it: stored is set) */
  stored: StoredState | null;
}

export interface RowResult {
  ref: number;
  unitCode: string;
  week: string;
  status: 'created' | 'updated' | 'unchanged';
  /** the version now stored; 0 when no report exists */
  version: number;
}

/** A saved week, as the grid's save answers it. */
export interface SaveWeekData {
  changed: number;
  unchanged: number;
  rows: RowResult[];
  /** the province's verdict for the latest complete week changed with this save, and what the plan did */
  levelChange: LevelChange | null;
}
