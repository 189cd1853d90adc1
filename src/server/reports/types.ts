import type { IsoWeek } from '@/lib/epi-week';
import type { FigureField, Figures } from '@/lib/validations/figures';
import type { LevelChange, RowConflict, RowResult, RowWarning, StoredState } from '@/lib/contracts/reports';

export type { LevelChange, RowConflict, RowResult, RowWarning, StoredState };

/** One unit-week to store, from the grid, the API or a file. */
export interface ReportInput {
  unitCode: string;
  week: IsoWeek;
  /** The version the caller read (0: it creates the report). null: an import, which does not read first. */
  version: number | null;
  figures: Figures;
  /** Severity figures the source did not send at all: the stored values stay (KeptFields in validations). */
  keep?: readonly FigureField[];
  /** Where the row came from, echoed in errors: the grid's row index or the file's line number. */
  ref: number;
}

export type IssueField = FigureField | 'unitCode' | 'isoWeek' | 'version';

/** A hard error: nothing is saved while there is one. */
export interface RowIssue {
  ref: number;
  unitCode: string;
  week: string;
  field: IssueField;
  code: string;
  value?: unknown;
  /** what the message names (a unit, its validity, the week): refusals about units in time */
  params?: Record<string, string>;
}

export type SaveOutcome =
  | { status: 'saved'; changed: number; unchanged: number; rows: RowResult[]; levelChange: LevelChange | null }
  | { status: 'invalid'; errors: RowIssue[] }
  | { status: 'conflict'; conflicts: RowConflict[] }
  /** nothing saved: the row warnings and the level change (either may be empty) wait for a confirmation */
  | { status: 'warnings'; warnings: RowWarning[]; levelChange: LevelChange | null }
  | { status: 'not-found' };

export interface SaveOptions {
  /** the user has seen the row warnings (far from history, already reported) and saves anyway */
  confirmWarnings: boolean;
  /**
   * The key of the level change the user was shown (LevelChange.key): the save goes ahead only if its consequence has
   * that very key; anything else (absent, stale, garbled) is "not confirmed" and asks again.
   */
  confirmLevelChange?: string | null;
  /** names the write path in the audit log */
  source: 'form' | 'api' | 'import';
  /** the administrators' save of reports stored under former units: every row must be one (checks.ts) */
  formerOnly?: boolean;
}
