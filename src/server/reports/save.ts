import 'server-only';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import {
  addWeeks,
  compareWeeks,
  currentWeek,
  formatIsoWeek,
  lastCompleteWeek,
  weekThursday,
  type IsoWeek,
} from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { figuresAllowed } from '@/lib/units';
import {
  clearedFields,
  FIGURE_FIELDS,
  holdsFigures,
  sameFigures,
  type FigureField,
  type Figures,
} from '@/lib/validations/figures';
import { saveWeekSchema, type WeeklyReportRow } from '@/lib/validations/weekly-report';
import type { Failure } from '@/lib/contracts/action-result';
import type { SaveWeekData } from '@/lib/contracts/reports';
import { afterReportsSaved } from '../activation/hooks';
import type { RuleOutcome } from '../activation/rule';
import { defineAction } from '../boundary/action';
import { db } from '../db';
import { now } from '../env';
import { bumpDataVersion } from '../verdicts/data-version';
import { can, canEditFormerUnitReports } from '@/lib/permissions';
import type { z } from 'zod';
import {
  expectedOn,
  farFromHistory,
  findHardIssues,
  HISTORY_LOOKBACK_WEEKS,
  recentValues,
  WARNED_FIELDS,
  weekOrdinal,
  type HistoryEntry,
  type UnitInfo,
} from './checks';
import { levelChangeKey, NotConfirmed, previewLevelChange, weekToWatch, withLevelBefore } from './level-change';
import {
  createReports,
  insertAuditRows,
  readReports,
  reportKey,
  updateReports,
  type AuditRow,
  type ChangedReport,
  type NewReport,
  type StoredReport,
} from './store';
import { loadProvinceUnits, resolveCodes, systemsOf } from './units';
import type { LevelChange, ReportInput, RowConflict, RowResult, RowWarning, SaveOptions, SaveOutcome } from './types';

// The one save path for weekly reports: the grid, the API and the importer all come here, for a user the boundary
// (src/server/boundary) already let write or import in the province: no permission is checked here. In order: hard
// errors (nothing saved), stale versions (nothing saved, the stored figures returned), warnings (nothing
// saved until confirmed), then every changed row in ONE transaction with its audit row, the province's DataVersion bump
// and the activation hook. Rows identical to what is stored change nothing: no new version, no audit row. A change of
// the province's verdict for the latest complete week is a warning too, found inside that transaction (level-change.ts).

class StaleWrite extends Error {
  constructor(readonly keys: string[]) {
    super('stale write');
  }
}

/** A concurrent save created the same unit-week first: P2002 from Prisma's own queries, SQLSTATE 23505 from raw ones. */
function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, meta } = e as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  };
  const cause = meta?.driverAdapterError?.cause;
  return (
    code === 'P2002' ||
    (code === 'P2010' &&
      (meta?.code === '23505' || cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505'))
  );
}

/** The grid's save: one week, rows with the version each read, by a user the action let write in the province. */
export function saveWeeklyReports(
  user: SessionUser,
  provinceCode: string,
  week: IsoWeek,
  rows: WeeklyReportRow[],
  options: { confirmWarnings: boolean; confirmLevelChange?: string | null; formerOnly?: boolean },
) {
  const inputs: ReportInput[] = rows.map(({ unitCode, version, keep, ...figures }, ref) => ({
    unitCode,
    week,
    version,
    figures,
    keep,
    ref,
  }));
  return saveReports(user, provinceCode, inputs, { ...options, source: 'form' });
}

type SaveWeekInput = z.output<typeof saveWeekSchema>;

async function runSaveWeek(user: SessionUser, input: SaveWeekInput, formerOnly: boolean) {
  const outcome = await saveWeeklyReports(user, input.provinceCode, input.isoWeek, input.rows, {
    confirmWarnings: input.confirmWarnings,
    confirmLevelChange: input.confirmLevelChange,
    formerOnly,
  });
  switch (outcome.status) {
    case 'saved': {
      const { changed, unchanged, rows, levelChange } = outcome;
      const data: SaveWeekData = { changed, unchanged, rows, levelChange };
      return { ok: true, data } as const;
    }
    case 'invalid': {
      const cellErrors = outcome.errors.map(({ ref, field, code }) => ({ ref, field, code }));
      const invalid: Failure<'invalid'> = { ok: false, code: 'invalid', message: 'validation.failed', cellErrors };
      return invalid;
    }
    case 'conflict':
      return { ok: false, code: 'conflict', message: 'conflict', conflicts: outcome.conflicts } as const;
    case 'warnings':
      return {
        ok: false,
        code: 'refused',
        message: 'warnings',
        warnings: outcome.warnings,
        levelChange: outcome.levelChange,
      } as const;
    case 'not-found':
      return { ok: false, code: 'not-found', message: 'not-found' } as const;
  }
}

/**
 * The grid's save as an action: reports.write in the province. Hard errors come back per cell ({ ref: the row's index,
 * field, code }), conflicts with the stored figures to merge, warnings to confirm.
 */
export const saveWeek = defineAction({
  name: 'reports.saveWeek',
  permission: 'reports.write',
  schema: saveWeekSchema,
  cells: 'rows',
  scope: (input) => ({ provinceCode: input.provinceCode }),
  run: ({ user, input }) => runSaveWeek(user, input, false),
});

/**
 * The administrators' save of reports stored under former units (the grid's section of them): the same save, audited
 * the same way, for rows that are all such reports. Administrators read every province but write no ordinary report.
 */
export const saveFormerUnitWeek = defineAction({
  name: 'reports.saveFormerUnitWeek',
  permission: 'reports.read',
  schema: saveWeekSchema,
  cells: 'rows',
  scope: (input) => ({ provinceCode: input.provinceCode }),
  rule: (user, scope) =>
    canEditFormerUnitReports(user) && can(user, 'reports.read', scope) ? null : 'permission.denied',
  run: ({ user, input }) => runSaveWeek(user, input, true),
});

/**
 * The hard errors that need the units (the importer reports them together with the file's own errors), and the unit
 * each input names, resolved with its week.
 */
export async function checkInputs(
  prisma: PrismaClient,
  user: SessionUser,
  provinceCode: string,
  inputs: readonly ReportInput[],
  at: Date,
  formerOnly = false,
) {
  const own = await loadProvinceUnits(prisma, provinceCode);
  const resolved = await resolveCodes(
    prisma,
    own,
    inputs.map((i) => ({ code: i.unitCode, week: i.week })),
  );
  const units = new Map<ReportInput, UnitInfo>();
  inputs.forEach((input, i) => resolved[i] && units.set(input, resolved[i]));
  // outside its validity a unit may only have a stored report edited, and a figure its role does not report may only
  // stay as stored: the stored reports of those rows
  const systemOf = systemsOf(own);
  const asked = inputs.filter((input) => {
    const u = units.get(input);
    if (!u || u.provinceCode !== provinceCode || !u.reports) return false;
    if (!expectedOn(u, weekThursday(input.week))) return true;
    const allowed = figuresAllowed(u.kind, systemOf(input.week));
    return FIGURE_FIELDS.some((f) => input.figures[f] !== null && !allowed.includes(f));
  });
  const stored = new Map<string, Figures>();
  for (let i = 0; i < asked.length; i += 1_000) {
    const chunk = asked.slice(i, i + 1_000);
    const weeks = chunk.map((c) => c.week).sort(compareWeeks);
    const found = await readReports(
      prisma,
      [...new Set(chunk.map((input) => units.get(input)!.id))],
      weeks[0]!,
      weeks[weeks.length - 1]!,
    );
    for (const r of found) stored.set(reportKey(r.unitId, r.week), r.figures);
  }
  const errors = findHardIssues(inputs, {
    provinceCode,
    current: currentWeek(at),
    unitOf: (input) => units.get(input),
    systemOf,
    stored: (unitId, week) => stored.get(reportKey(unitId, week)),
    mayEditFormer: canEditFormerUnitReports(user),
    formerOnly,
  });
  return { units, errors };
}

/** The figures to store: those the source did not send at all are the stored ones (none stored: not reported). */
function keepStored(figures: Figures, current: StoredReport | undefined, keep: readonly FigureField[]): Figures {
  const out = { ...figures };
  for (const f of keep) out[f] = current?.figures[f] ?? null;
  return out;
}

function stateOf(s: StoredReport) {
  return { version: s.version, figures: s.figures, updatedBy: s.updatedBy, updatedAt: s.updatedAt.toISOString() };
}

/**
 * The save of the grid, the API and the importer, for a user their wrapper (src/server/boundary) let write or import in
 * the province.
 */
export async function saveReports(
  user: SessionUser,
  provinceCode: string,
  inputs: ReportInput[],
  options: SaveOptions,
): Promise<SaveOutcome> {
  const prisma = await db();
  const province = await prisma.adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true },
  });
  if (!province) return { status: 'not-found' };
  if (inputs.length === 0) return { status: 'saved', changed: 0, unchanged: 0, rows: [], levelChange: null };

  const at = now();
  const { units, errors } = await checkInputs(prisma, user, provinceCode, inputs, at, options.formerOnly);
  if (errors.length > 0) return { status: 'invalid', errors };

  const unitOf = (i: ReportInput) => units.get(i)!;
  const weeks = inputs.map((i) => i.week).sort(compareWeeks);
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  const stored = await readReports(
    prisma,
    [...new Set(inputs.map((i) => unitOf(i).id))],
    addWeeks(first, -HISTORY_LOOKBACK_WEEKS),
    last,
  );
  const byKey = new Map(stored.map((s) => [reportKey(s.unitId, s.week), s]));

  // versions: a row read at a version that is no longer stored is refused, unless it asks for exactly what is stored
  const conflicts: RowConflict[] = [];
  const creates: (NewReport & { input: ReportInput; handle: string })[] = [];
  const updates: (ChangedReport & { input: ReportInput; handle: string; before: StoredReport })[] = [];
  const results: RowResult[] = [];
  for (const input of inputs) {
    const unit = unitOf(input);
    const current = byKey.get(reportKey(unit.id, input.week));
    // the caller's input stays as sent: the figures to store are this local
    const figures = input.keep?.length ? keepStored(input.figures, current, input.keep) : input.figures;
    const unchanged = current ? sameFigures(current.figures, figures) : FIGURE_FIELDS.every((f) => figures[f] === null);
    const week = formatIsoWeek(input.week);
    if (unchanged) {
      results.push({
        ref: input.ref,
        unitCode: input.unitCode,
        week,
        status: 'unchanged',
        version: current?.version ?? 0,
      });
      continue;
    }
    if (input.version !== null && input.version !== (current?.version ?? 0)) {
      conflicts.push({
        ref: input.ref,
        unitCode: input.unitCode,
        week,
        yourVersion: input.version,
        stored: current ? stateOf(current) : null,
      });
      continue;
    }
    if (current)
      updates.push({
        id: current.id,
        unitId: unit.id,
        week: input.week,
        figures,
        expectedVersion: current.version,
        input,
        handle: unit.code,
        before: current,
      });
    else creates.push({ unitId: unit.id, week: input.week, figures, input, handle: unit.code });
  }
  if (conflicts.length > 0) return { status: 'conflict', conflicts };

  const warnings = options.confirmWarnings
    ? []
    : findWarnings([...creates.map((c) => ({ ...c, before: null })), ...updates], stored, byKey);

  // a save that cannot move the plan answers its warnings without a transaction (a back-filled file's, say)
  const changedWeeks = [...creates, ...updates].map((c) => c.week);
  if (warnings.length > 0 && !(await weekToWatch(prisma, provinceCode, lastCompleteWeek(at), changedWeeks)))
    return { status: 'warnings', warnings, levelChange: null };

  let levelChange: LevelChange | null = null;
  if (creates.length + updates.length > 0) {
    try {
      // the row warnings are found inside the transaction's trial too, so that one confirmation covers them and the
      // level change together
      levelChange = await writeChanges(
        prisma,
        user,
        { code: provinceCode, id: province.id },
        creates,
        updates,
        options,
        at,
        warnings.length > 0,
      );
    } catch (error) {
      if (error instanceof NotConfirmed) return { status: 'warnings', warnings, levelChange: error.levelChange };
      if (!(error instanceof StaleWrite) && !isUniqueViolation(error)) throw error;
      return {
        status: 'conflict',
        conflicts: await staleConflicts(prisma, error instanceof StaleWrite ? error.keys : null, creates, updates),
      };
    }
  }
  for (const c of creates)
    results.push({
      ref: c.input.ref,
      unitCode: c.input.unitCode,
      week: formatIsoWeek(c.week),
      status: 'created',
      version: 1,
    });
  for (const u of updates)
    results.push({
      ref: u.input.ref,
      unitCode: u.input.unitCode,
      week: formatIsoWeek(u.week),
      status: 'updated',
      version: u.expectedVersion + 1,
    });
  results.sort((a, b) => a.ref - b.ref);
  return {
    status: 'saved',
    changed: creates.length + updates.length,
    unchanged: inputs.length - creates.length - updates.length,
    rows: results,
    levelChange,
  };
}

type Change = {
  unitId: number;
  week: IsoWeek;
  figures: ReportInput['figures'];
  input: ReportInput;
  before: StoredReport | null;
};

/**
 * Overwriting a stored report (any of its figures, the severity ones alone included), turning stored figures into
 * "not reported" (named: an empty cell of a file clears as surely as a deleted one in the grid), or a value far from
 * the unit's recent reports (stored ones, and earlier weeks of the same save).
 */
function findWarnings(changes: Change[], stored: StoredReport[], byKey: Map<string, StoredReport>): RowWarning[] {
  const history = new Map<number, Map<number, HistoryEntry>>();
  const entriesOf = (unitId: number) => history.get(unitId) ?? history.set(unitId, new Map()).get(unitId)!;
  for (const s of stored)
    entriesOf(s.unitId).set(weekOrdinal(s.week), { ordinal: weekOrdinal(s.week), figures: s.figures });
  for (const c of changes)
    entriesOf(c.unitId).set(weekOrdinal(c.week), { ordinal: weekOrdinal(c.week), figures: c.figures });
  const sorted = new Map(
    [...history].map(([unitId, m]) => [unitId, [...m.values()].sort((a, b) => a.ordinal - b.ordinal)]),
  );

  const warnings: RowWarning[] = [];
  for (const c of changes) {
    const base = { ref: c.input.ref, unitCode: c.input.unitCode, week: formatIsoWeek(c.week) };
    const before = c.before ?? byKey.get(reportKey(c.unitId, c.week)) ?? null;
    if (before && holdsFigures(before.figures)) {
      warnings.push({ ...base, code: 'alreadyReported', by: before.updatedBy, at: before.updatedAt.toISOString() });
      const fields = clearedFields(before.figures, c.figures);
      if (fields.length > 0) warnings.push({ ...base, code: 'clearsFigures', fields });
    }
    for (const field of WARNED_FIELDS) {
      const value = c.figures[field];
      if (value === null || value === before?.figures[field]) continue;
      const values = recentValues(sorted.get(c.unitId)!, weekOrdinal(c.week), field);
      const m = farFromHistory(value, values, field);
      // the median of hundredths can carry float noise (2.7199999999999998): round it for display
      if (m !== null)
        warnings.push({
          ...base,
          code: 'farFromHistory',
          field,
          value,
          median: Math.round(m * 1000) / 1000,
          history: values.length,
        });
    }
  }
  return warnings;
}

function auditState(unitCode: string, week: IsoWeek, version: number, figures: ReportInput['figures']) {
  return { unitCode, week: formatIsoWeek(week), version, ...figures };
}

async function writeChanges(
  prisma: PrismaClient,
  user: SessionUser,
  { code: provinceCode, id: provinceId }: { code: string; id: number },
  creates: (NewReport & { input: ReportInput; handle: string })[],
  updates: (ChangedReport & { input: ReportInput; handle: string; before: StoredReport })[],
  options: SaveOptions,
  at: Date,
  hold: boolean,
): Promise<LevelChange | null> {
  const changedWeeks = [...creates, ...updates].map((c) => c.week);
  return prisma.$transaction(
    async (tx: Prisma.TransactionClient) => {
      // the province's lock, first: its DataVersion row (bumped by every write to its figures) is held until commit, so
      // saves of one province run one after the other and the consequence read below is the one the rule acts on
      await bumpDataVersion(tx, provinceCode);
      const week = await weekToWatch(tx, provinceCode, lastCompleteWeek(at), changedWeeks);
      const watched = week && (await withLevelBefore(tx, provinceCode, week));
      const ids = await createReports(tx, creates, user.id, at);
      const updated = await updateReports(tx, updates, user.id, at);
      const stale = updates.filter((u) => !updated.has(u.id));
      if (stale.length > 0) throw new StaleWrite(stale.map((u) => reportKey(u.unitId, u.week)));

      // what the activation hook below will do, seen through this transaction's own writes; a concurrent save that
      // changed the consequence since the user was shown it gives another key, and the user is asked again
      const preview = watched && (await previewLevelChange(tx, provinceCode, watched, at));

      const audit: AuditRow[] = [
        ...creates.map((c) => ({
          action: 'report.created',
          targetId: String(ids.get(reportKey(c.unitId, c.week))),
          before: null,
          after: { ...auditState(c.handle, c.week, 1, c.figures), via: options.source },
        })),
        ...updates.map((u) => ({
          action: 'report.updated',
          targetId: String(u.id),
          before: auditState(u.handle, u.week, u.before.version, u.before.figures),
          after: { ...auditState(u.handle, u.week, u.expectedVersion + 1, u.figures), via: options.source },
        })),
      ];
      await insertAuditRows(tx, { id: user.id, label: user.email }, { code: provinceCode, id: provinceId }, audit, at);

      const weeks = new Map([...creates, ...updates].map((c) => [formatIsoWeek(c.week), c.week]));
      const outcome = await afterReportsSaved(tx, {
        provinceCode,
        weeks: [...weeks.values()].sort(compareWeeks),
        actor: { id: user.id, label: user.email },
        now: at,
        // kept with a correction of an open activation's week: who changed which unit's figures, before and after
        changes: [
          ...creates.map((c) => ({ unitCode: c.handle, week: c.week, before: null, after: c.figures })),
          ...updates.map((u) => ({
            unitCode: u.handle,
            week: u.week,
            before: u.before.figures,
            after: u.figures,
          })),
        ],
      });
      // What the user confirms is what the rule did, read from its outcome (the preview describes it when they agree:
      // they do, save for a leader's action or a tick committed in between, or a file that also corrects an older
      // week). Not confirmed: everything, the act included, rolls back, and the user is shown this very change.
      const change = await describeAct(tx, preview, outcome, watched || null);
      if (hold || (change && change.key !== options.confirmLevelChange)) throw new NotConfirmed(change);
      return change;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The act of the automatic rule, in the terms of the save's warning. */
function actionTaken(outcome: RuleOutcome | null): LevelChange['action'] {
  if (!outcome) return 'none';
  if (outcome.activation?.status === 'opened') return 'open';
  if (outcome.correction?.status === 'withdrawn') return 'withdraw';
  if (outcome.proposal && (outcome.proposal.status === 'created' || outcome.proposal.status === 'refreshed'))
    return 'propose';
  return 'none';
}

const movesPlan = (action: LevelChange['action']) => action === 'open' || action === 'withdraw';

/**
 * The change to show and confirm: the preview when the rule did what it said (or neither moves the plan), else the act
 * itself: a withdrawal with its own week, levels and bodies; an opening with the latest week's; nothing, with 0 bodies.
 */
async function describeAct(
  tx: Prisma.TransactionClient,
  preview: LevelChange | null,
  outcome: RuleOutcome | null,
  watched: { week: IsoWeek; from: LevelChange['from'] } | null,
): Promise<LevelChange | null> {
  const acted = actionTaken(outcome);
  const shown = preview?.action ?? 'none';
  if (acted === shown || !(movesPlan(acted) || movesPlan(shown))) return preview;
  const withdrawn = outcome?.correction?.status === 'withdrawn' ? outcome.correction : null;
  let change: Omit<LevelChange, 'key' | 'code'>;
  if (withdrawn) {
    const bodies = await tx.activationTask.groupBy({
      by: ['agencyId'],
      where: { activationId: withdrawn.activationId },
    });
    const c = withdrawn.correction;
    change = {
      week: c.week,
      from: c.levelBefore,
      to: c.levelAfter,
      settled: c.settledAfter,
      action: 'withdraw',
      agencies: bodies.length,
    };
  } else {
    const now = outcome?.consequence;
    const to = now?.level ?? preview?.to ?? ('no-data' as const);
    change = {
      week: preview?.week ?? (watched ? formatIsoWeek(watched.week) : ''),
      from: preview?.from ?? watched?.from ?? to,
      to,
      settled: now?.settled ?? preview?.settled ?? false,
      action: acted,
      agencies: acted === 'none' ? 0 : (now?.agencies ?? 0),
    };
  }
  return { code: 'levelChange', ...change, key: levelChangeKey(change) };
}

/** After a lost race: the stored state of the rows someone else wrote first. */
async function staleConflicts(
  prisma: PrismaClient,
  keys: string[] | null,
  creates: (NewReport & { input: ReportInput; handle: string })[],
  updates: (ChangedReport & { input: ReportInput; handle: string })[],
): Promise<RowConflict[]> {
  const wanted = keys && new Set(keys);
  const candidates: { unitId: number; week: IsoWeek; input: ReportInput; expectedVersion?: number }[] = wanted
    ? updates.filter((u) => wanted.has(reportKey(u.unitId, u.week)))
    : creates;
  const weeks = candidates.map((c) => c.week).sort(compareWeeks);
  if (weeks.length === 0) return [];
  const now = await readReports(
    prisma,
    [...new Set(candidates.map((c) => c.unitId))],
    weeks[0]!,
    weeks[weeks.length - 1]!,
  );
  const byKey = new Map(now.map((s) => [reportKey(s.unitId, s.week), s]));
  return candidates.flatMap((c) => {
    const s = byKey.get(reportKey(c.unitId, c.week));
    if (keys === null && !s) return [];
    const yourVersion = c.input.version ?? c.expectedVersion ?? 0;
    return [
      {
        ref: c.input.ref,
        unitCode: c.input.unitCode,
        week: formatIsoWeek(c.week),
        yourVersion,
        stored: s ? stateOf(s) : null,
      },
    ];
  });
}
