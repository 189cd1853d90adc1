import 'server-only';
import { groupFieldErrors } from '@/lib/validations/field-errors';
import { errorCode, fail, json, type Translate } from '@/server/boundary/respond';
import type { ImportBusy, ImportOutcome } from './import/import';
import { IMPORT_UNAVAILABLE } from './import/run';
import type { LevelChange, RowConflict, RowWarning, SaveOutcome } from './types';

// The reports API's answers to the outcomes of a save (PUT) and an import (POST), in the caller's language.

function warningMessage(t: Translate, w: RowWarning): string {
  if (w.code === 'alreadyReported')
    return t('warnings.alreadyReported', {
      by: w.by ?? t('warnings.unknownReporter'),
      at: w.at.slice(0, 16).replace('T', ' ') + ' UTC',
    });
  if (w.code === 'clearsFigures')
    return t('warnings.clearsFigures', {
      count: w.fields.length,
      fields: w.fields.map((f) => t(`fields.${f}`)).join(', '),
    });
  // a median of 0 is only ever a severity figure's (checks.ts): "3 times the median" would read oddly
  return t(w.median === 0 ? 'warnings.farFromZero' : 'warnings.farFromHistory', {
    field: t(`fields.${w.field}`),
    value: w.value,
    median: w.median,
    count: w.history,
  });
}

/** The level change in words: the week, from → to, settled or not, and what the plan will do (or did). */
export function levelChangeMessage(t: Translate, c: LevelChange, tense: 'will' | 'did' = 'will'): string {
  const level = (l: string) => t('levelChange.level', { level: l });
  const change = t('levelChange.change', {
    week: c.week,
    from: level(c.from),
    to: level(c.to),
    settled: String(c.settled),
  });
  return c.action === 'none' ? change : `${change} ${t(`levelChange.${tense}.${c.action}`, { agencies: c.agencies })}`;
}

/**
 * A 422's warnings: the level change first (it is about the whole province), then the rows'; and the query that
 * confirms exactly these.
 */
function warningsBody(t: Translate, warnings: RowWarning[], levelChange: LevelChange | null) {
  return {
    warnings: [
      ...(levelChange ? [{ ...levelChange, message: levelChangeMessage(t, levelChange) }] : []),
      ...warnings.map((w) => ({ ...w, message: warningMessage(t, w) })),
    ],
    confirm: levelChange ? `confirm=warnings&levelChange=${levelChange.key}` : 'confirm=warnings',
  };
}

const warningsMessage = (t: Translate, levelChange: LevelChange | null) =>
  levelChange ? t('api.levelChange', { key: levelChange.key }) : t('api.warnings');

const saved = (c: LevelChange | null, t: Translate) => (c ? { ...c, message: levelChangeMessage(t, c, 'did') } : null);

function conflictBody(c: RowConflict) {
  return { unitCode: c.unitCode, isoWeek: c.week, yourVersion: c.yourVersion, stored: c.stored };
}

/**
 * A refusal's message: with what it names (a unit, the week, its validity) in the named form of the message
 * (errors.<code>Named), else the code's short one, as the grid shows it beside a cell.
 */
export function issueMessage(t: Translate, code: string, params?: Record<string, string>): string {
  if (!params) return errorCode(t, code);
  const values = params.field ? { ...params, field: t(`fields.${params.field}`) } : params;
  return t(`errors.${code}Named`, values);
}

/** The answer to a save through the API (PUT): 200, 400, 404, 409 or 422. */
export function saveResponse(outcome: SaveOutcome, t: Translate): Response {
  switch (outcome.status) {
    case 'saved': {
      const row = outcome.rows[0]!;
      return json({
        ok: true,
        status: row.status,
        unitCode: row.unitCode,
        isoWeek: row.week,
        version: row.version,
        levelChange: saved(outcome.levelChange, t),
      });
    }
    case 'invalid': {
      const fieldErrors = groupFieldErrors(outcome.errors.map((e) => [e.field, issueMessage(t, e.code, e.params)]));
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
        warningsMessage(t, outcome.levelChange),
        {},
        warningsBody(t, outcome.warnings, outcome.levelChange),
      );
    case 'not-found':
      return fail(404, t('api.notFound'));
  }
}

/** Refusals for the file's size, packed or unpacked: 413, with the reason as the message. */
const TOO_LARGE = new Set(['fileTooLarge', 'tooManyRows', 'tooManyColumns', 'unpackedTooLarge', 'cellTooLong']);

/** The answer to an import, or to one refused for want of a free slot (429 with Retry-After). */
export function importAnswer(outcome: ImportOutcome | ImportBusy, t: Translate): Response {
  if (outcome.status === 'busy') {
    const message = t('api.importBusy', { seconds: outcome.retryAfter });
    return json({ ok: false, message, fieldErrors: {}, retryAfter: outcome.retryAfter }, 429, {
      'Retry-After': String(outcome.retryAfter),
    });
  }
  // the server cannot read files at all (a deployment fault, logged): not the caller's file, so not a 4xx
  if (outcome.status === 'invalid' && outcome.issues.some((i) => i.code === IMPORT_UNAVAILABLE)) {
    const message = errorCode(t, IMPORT_UNAVAILABLE);
    return fail(503, message, { file: [message] });
  }
  const limit = outcome.status === 'invalid' ? outcome.issues.find((i) => TOO_LARGE.has(i.code)) : undefined;
  if (limit) {
    const message = errorCode(t, limit.code);
    return fail(413, message, { file: [message] }, { rows: [{ ...limit, message }], total: 1 });
  }
  return importResponse(outcome, t);
}

/** The answer to an import: every bad row with its row, column, value and message. */
function importResponse(outcome: ImportOutcome, t: Translate): Response {
  switch (outcome.status) {
    case 'saved':
      return json({ ok: true, ...outcome, levelChange: saved(outcome.levelChange, t) });
    case 'invalid': {
      const rows = outcome.issues.map(({ params, ...i }) => ({ ...i, message: issueMessage(t, i.code, params) }));
      // a column name comes from the file's header row: any text at all
      const fieldErrors = groupFieldErrors(
        rows.map((r) => [[r.row ?? 'file', r.column].filter((x) => x !== null).join(':'), r.message]),
      );
      return fail(400, t('api.importInvalid', { count: outcome.total }), fieldErrors, { rows, total: outcome.total });
    }
    case 'warnings':
      return fail(
        422,
        warningsMessage(t, outcome.levelChange),
        {},
        { ...warningsBody(t, outcome.warnings, outcome.levelChange), total: outcome.total, rows: outcome.rows },
      );
    case 'conflict':
      return fail(
        409,
        t('api.importConflict'),
        {},
        { conflicts: outcome.conflicts.map((c) => ({ ...conflictBody(c), row: c.row })) },
      );
    case 'not-found':
      return fail(404, t('api.notFound'));
  }
}
