import 'server-only';
import { z } from 'zod';
import { lastCompleteWeek, type IsoWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { FieldErrorList, groupFieldErrors } from '@/lib/validations/field-errors';
import { isoWeekSchema, unitCodeSchema } from '@/lib/validations/weekly-report';
import { now } from '@/server/env';
import type { ImportOutcome } from '@/server/reports/import/import';
import type { RowConflict, RowWarning, SaveOutcome } from './types';
import { errorCode, fail, json, type FieldErrors, type Translate } from '@/server/boundary/respond';

// Query parsing and the JSON answers of the reports API, shared by its route handlers.

const rangeQuery = z.object({
  province: unitCodeSchema.optional(),
  from: isoWeekSchema.optional(),
  to: isoWeekSchema.optional(),
  format: z.enum(['csv', 'xlsx'], { error: 'badFormat' }).optional(),
  week: isoWeekSchema.optional(),
  confirm: z.literal('warnings', { error: 'badConfirm' }).optional(),
});
const QUERY_KEYS: ReadonlySet<string> = new Set(Object.keys(rangeQuery.shape));

export interface RangeQuery {
  provinceCode: string;
  from: IsoWeek;
  to: IsoWeek;
  format: 'csv' | 'xlsx';
  week: IsoWeek;
  confirmWarnings: boolean;
}

export function zodFieldErrors(t: Translate, issues: z.core.$ZodIssue[]): FieldErrors {
  const out = new FieldErrorList();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) out.add([...issue.path, key].map(String).join('.'), errorCode(t, 'unknownField'));
    else out.add(issue.path.map(String).join('.') || '_', errorCode(t, issue.message));
  }
  return out.toObject();
}

/** ?province=&from=&to=&format=&week=&confirm=; the province defaults to the caller's, the weeks to the last complete one. */
export function parseQuery(
  url: URL,
  user: SessionUser,
  t: Translate,
): { ok: true; query: RangeQuery } | { ok: false; response: Response } {
  // Only the parameters this API knows are read; others are ignored, like the unknown keys of a form. A known one given
  // twice is refused rather than guessed at. A Map, since a parameter may be called "__proto__" or "constructor".
  const params = new Map<string, string>();
  const repeated = new FieldErrorList();
  for (const [k, v] of url.searchParams) {
    if (!QUERY_KEYS.has(k)) continue;
    if (params.has(k)) repeated.add(k, errorCode(t, 'repeatedParam'));
    params.set(k, v);
  }
  if (repeated.size > 0) return { ok: false, response: fail(400, t('api.badQuery'), repeated.toObject()) };
  const parsed = rangeQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success)
    return { ok: false, response: fail(400, t('api.badQuery'), zodFieldErrors(t, parsed.error.issues)) };
  const provinceCode = parsed.data.province ?? user.provinceCode;
  if (!provinceCode) return { ok: false, response: fail(400, t('api.badQuery'), { province: [t('errors.required')] }) };
  const last = lastCompleteWeek(now());
  const to = parsed.data.to ?? parsed.data.from ?? last;
  return {
    ok: true,
    query: {
      provinceCode,
      from: parsed.data.from ?? to,
      to,
      format: parsed.data.format ?? 'csv',
      week: parsed.data.week ?? last,
      confirmWarnings: parsed.data.confirm === 'warnings',
    },
  };
}

export function warningMessage(t: Translate, w: RowWarning): string {
  if (w.code === 'alreadyReported')
    return t('warnings.alreadyReported', {
      by: w.by ?? t('warnings.unknownReporter'),
      at: w.at.slice(0, 16).replace('T', ' ') + ' UTC',
    });
  return t('warnings.farFromHistory', {
    field: t(`fields.${w.field}`),
    value: w.value,
    median: w.median,
    count: w.history,
  });
}

function conflictBody(c: RowConflict) {
  return { unitCode: c.unitCode, isoWeek: c.week, yourVersion: c.yourVersion, stored: c.stored };
}

/** The answer to a save through the API (PUT): 200, 400, 404, 409 or 422. */
export function saveResponse(outcome: SaveOutcome, t: Translate): Response {
  switch (outcome.status) {
    case 'saved': {
      const row = outcome.rows[0]!;
      return json({ ok: true, status: row.status, unitCode: row.unitCode, isoWeek: row.week, version: row.version });
    }
    case 'invalid': {
      const fieldErrors = groupFieldErrors(outcome.errors.map((e) => [e.field, errorCode(t, e.code)]));
      return fail(400, t('api.invalid'), fieldErrors);
    }
    case 'conflict':
      return fail(
        409,
        t('api.conflict'),
        {},
        { conflicts: outcome.conflicts.map(conflictBody), stored: outcome.conflicts[0]?.stored ?? null },
      );
    case 'warnings':
      return fail(
        422,
        t('api.warnings'),
        {},
        {
          warnings: outcome.warnings.map((w) => ({ ...w, message: warningMessage(t, w) })),
          confirm: 'confirm=warnings',
        },
      );
    case 'forbidden':
      return fail(403, t('api.forbidden'));
    case 'not-found':
      return fail(404, t('api.notFound'));
  }
}

/** The answer to an import: every bad row with its row, column, value and message. */
export function importResponse(outcome: ImportOutcome, t: Translate): Response {
  switch (outcome.status) {
    case 'saved':
      return json({ ok: true, ...outcome });
    case 'invalid': {
      const rows = outcome.issues.map((i) => ({ ...i, message: errorCode(t, i.code) }));
      // a column name comes from the file's header row: any text at all
      const fieldErrors = groupFieldErrors(
        rows.map((r) => [[r.row ?? 'file', r.column].filter((x) => x !== null).join(':'), r.message]),
      );
      return fail(400, t('api.importInvalid', { count: outcome.total }), fieldErrors, { rows, total: outcome.total });
    }
    case 'warnings':
      return fail(
        422,
        t('api.warnings'),
        {},
        {
          warnings: outcome.warnings.map((w) => ({ ...w, message: warningMessage(t, w) })),
          total: outcome.total,
          rows: outcome.rows,
          confirm: 'confirm=warnings',
        },
      );
    case 'conflict':
      return fail(
        409,
        t('api.importConflict'),
        {},
        { conflicts: outcome.conflicts.map((c) => ({ ...conflictBody(c), row: c.row })) },
      );
    case 'forbidden':
      return fail(403, t('api.forbidden'));
    case 'not-found':
      return fail(404, t('api.notFound'));
  }
}
