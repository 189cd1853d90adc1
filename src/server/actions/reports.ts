'use server';
import { revalidatePath } from 'next/cache';
import { groupFieldErrors } from '@/lib/validations/field-errors';
import { saveWeekSchema } from '@/lib/validations/weekly-report';
import { saveWeeklyReports } from '../reports/save';
import type { RowConflict, RowResult, RowWarning } from '../reports/types';
import { guardedAction, type ActionResult, type FieldErrors } from '@/server/boundary/action';

// The grid's save. guardedAction checks the session, the input (the shared schema) and reports.write in the province;
// the service checks the rest and writes everything in one transaction.

export interface SaveWeekData {
  changed: number;
  unchanged: number;
  rows: RowResult[];
}

/** What the grid shows when a save is refused: errors per cell, conflicts to merge, warnings to confirm. */
export type SaveWeekDetails = { conflicts: RowConflict[] } | { warnings: RowWarning[] };

const save = guardedAction({
  name: 'reports.saveWeek',
  permission: 'reports.write',
  schema: saveWeekSchema,
  scope: (input) => ({ provinceCode: input.provinceCode }),
  run: async ({ user, input }): Promise<ActionResult<SaveWeekData>> => {
    const outcome = await saveWeeklyReports(user, input.provinceCode, input.isoWeek, input.rows, {
      confirmWarnings: input.confirmWarnings,
    });
    switch (outcome.status) {
      case 'saved':
        return { ok: true, data: { changed: outcome.changed, unchanged: outcome.unchanged, rows: outcome.rows } };
      case 'invalid': {
        const fieldErrors: FieldErrors = groupFieldErrors(
          outcome.errors.map((e) => [`rows.${e.ref}.${e.field}`, e.code]),
        );
        return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors };
      }
      case 'conflict':
        return {
          ok: false,
          code: 'conflict',
          message: 'conflict',
          details: { conflicts: outcome.conflicts } satisfies SaveWeekDetails,
        };
      case 'warnings':
        return {
          ok: false,
          code: 'refused',
          message: 'warnings',
          details: { warnings: outcome.warnings } satisfies SaveWeekDetails,
        };
      case 'forbidden':
        return { ok: false, code: 'forbidden', message: 'permission.denied' };
      case 'not-found':
        return { ok: false, code: 'not-found', message: 'not-found' };
    }
  },
});

export async function saveWeek(raw: unknown): Promise<ActionResult<SaveWeekData>> {
  const result = await save(raw);
  if (result.ok && result.data.changed > 0 && typeof raw === 'object' && raw !== null) {
    const { provinceCode } = raw as { provinceCode?: unknown };
    // the province page and its banner read the same rows: show them fresh on the next visit
    if (typeof provinceCode === 'string') revalidatePath(`/provinces/${provinceCode}`, 'layout');
  }
  return result;
}
