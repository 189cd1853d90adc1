import { compareWeeks, lastCompleteWeek, type IsoWeek } from '@/lib/epi-week';
import type { SurgeLevel } from '@/lib/surge';
import { loadProvinceVerdict, type ProvinceVerdict, type Tx } from '@/server/verdicts/province-verdict';

// What the automatic rule does after a write to a province's figures, decided in ONE place: the save's warning
// ("this will open the plan for 16 bodies") asks previewConsequence inside the save transaction, after the rows are
// written, and afterReportsSaved acts on decideConsequence, the same computation, so the warning and the act cannot
// disagree. No `server-only`: the seed opens the demo activations through this code (see province-verdict.ts).
//
// The rule, for one week of one province (docs/adr/0012-verdicts-before-acting.md, refining ADR 8):
// - an OPEN activation of that week whose week is no longer a settled surge: withdrawn when it opened automatically and
//   nobody has acted on it ('withdraw'); otherwise it stays open and the correction is shown to the leaders ('none');
// - any other OPEN activation: nothing more to open ('none');
// - only the latest complete week opens or proposes: a settled surge opens the plan ('open'); an unsettled surge is
//   proposed to the leaders ('propose'), unless a leader already dismissed the proposal of that week ('none');
// - anything else: 'none' (an open proposal of the week closes, which is not an act on the plan).

export type ConsequenceAction = 'open' | 'propose' | 'withdraw' | 'none';

export interface Consequence {
  level: SurgeLevel;
  settled: boolean;
  action: ConsequenceAction;
  /**
   * 'open' and 'propose': the bodies of the plan's appendix V that get tasks when the plan opens (24 Kiên Giang, 16 Lai
   * Châu); 'withdraw': the bodies whose tasks disappear; 'none': 0.
   */
  agencies: number;
}

export interface OpenActivationState {
  id: number;
  week: IsoWeek;
  trigger: 'AUTOMATIC' | 'MANUAL';
  /** the level the activation last knew for its week: the latest correction's, else the snapshot's */
  lastLevel: SurgeLevel;
  lastSettled: boolean;
  corrected: boolean;
}

export interface Decision {
  consequence: Consequence;
  verdict: ProvinceVerdict | null;
  week: IsoWeek;
  isLatest: boolean;
  /** the province's OPEN activation, whatever its week */
  open: OpenActivationState | null;
  /**
   * the open activation is of this week and its verdict changed: 'withdraw' (automatic, untouched, no longer a settled
   * surge) or 'record' (the correction is stored on it for the leaders to decide)
   */
  correction: 'withdraw' | 'record' | null;
}

const NONE = (level: SurgeLevel, settled: boolean): Consequence => ({ level, settled, action: 'none', agencies: 0 });

/** Exactly what afterReportsSaved would do now for that week, without doing it. */
export async function previewConsequence(tx: Tx, provinceCode: string, week: IsoWeek, now: Date): Promise<Consequence> {
  return (await decideConsequence(tx, provinceCode, week, now)).consequence;
}

export async function decideConsequence(tx: Tx, provinceCode: string, week: IsoWeek, now: Date): Promise<Decision> {
  const isLatest = compareWeeks(week, lastCompleteWeek(now)) === 0;
  const verdict = await loadProvinceVerdict(tx, provinceCode, week);
  const base = { verdict, week, isLatest, open: null, correction: null };
  if (!verdict) return { ...base, consequence: NONE('no-data', false) };
  const { level, settled } = verdict.snapshot;
  const settledSurge = level === 'surge' && settled;

  const open = await readOpenActivation(tx, verdict.province.id);
  if (open) {
    if (compareWeeks(open.week, week) !== 0) return { ...base, open, consequence: NONE(level, settled) };
    if (
      !settledSurge &&
      open.trigger === 'AUTOMATIC' &&
      !(await hasWorkStarted(tx, open.id)) &&
      // a correction of an older week does not withdraw a plan the present calls for: the latest complete week
      // being a settled surge would open it again at once, with everyone's task lists reset
      (isLatest || !(await settledSurgeNow(tx, provinceCode, now)))
    ) {
      const agencies = await tx.activationTask.groupBy({ by: ['agencyId'], where: { activationId: open.id } });
      return {
        ...base,
        open,
        correction: 'withdraw',
        consequence: { level, settled, action: 'withdraw', agencies: agencies.length },
      };
    }
    // the week's verdict moved since the plan opened (or since the last correction): the leaders are shown it
    const moved = level !== open.lastLevel || settled !== open.lastSettled;
    return { ...base, open, correction: moved ? 'record' : null, consequence: NONE(level, settled) };
  }

  if (!isLatest || level !== 'surge') return { ...base, consequence: NONE(level, settled) };
  if (!settled) {
    // a leader's "không kích hoạt" holds for the week: the same unsettled surge is not proposed again
    const dismissed = await tx.activationProposal.findFirst({
      where: { provinceId: verdict.province.id, isoYear: week.isoYear, isoWeek: week.isoWeek, status: 'DISMISSED' },
      select: { id: true },
    });
    if (dismissed) return { ...base, consequence: NONE(level, settled) };
  }
  const agencies = await tx.agency.count({ where: { planId: verdict.planId, templates: { some: {} } } });
  return { ...base, consequence: { level, settled, action: settled ? 'open' : 'propose', agencies } };
}

async function settledSurgeNow(tx: Tx, provinceCode: string, now: Date): Promise<boolean> {
  const latest = await loadProvinceVerdict(tx, provinceCode, lastCompleteWeek(now));
  return latest?.snapshot.level === 'surge' && latest.snapshot.settled;
}

/** The correction stored on an activation (src/server/activation/withdraw.ts): only the fields read here. */
interface StoredCorrection {
  levelAfter?: SurgeLevel;
  settledAfter?: boolean;
}

async function readOpenActivation(tx: Tx, provinceId: number): Promise<OpenActivationState | null> {
  const a = await tx.activation.findFirst({
    where: { provinceId, status: 'OPEN' },
    select: { id: true, isoYear: true, isoWeek: true, trigger: true, snapshot: true, correction: true },
  });
  if (!a) return null;
  const snapshot = a.snapshot as { level?: SurgeLevel; settled?: boolean; provisional?: boolean } | null;
  const correction = a.correction as StoredCorrection | null;
  return {
    id: a.id,
    week: { isoYear: a.isoYear, isoWeek: a.isoWeek },
    trigger: a.trigger,
    lastLevel: correction?.levelAfter ?? snapshot?.level ?? 'no-data',
    // snapshots taken before verdicts knew "settled": a complete week is taken as settled, a provisional one not
    lastSettled: correction?.settledAfter ?? snapshot?.settled ?? snapshot?.provisional === false,
    corrected: correction !== null,
  };
}

/**
 * Whether anyone has acted on an activation: a task ticked (even if reopened since: its version moved), a note, a
 * due date, any audit row on one of its tasks (an officer's action that changed nothing still says they were on it),
 * or a user's audit row on the activation itself (the system's own rows do not count).
 */
export async function hasWorkStarted(tx: Tx, activationId: number): Promise<boolean> {
  const touched = await tx.activationTask.findFirst({
    where: {
      activationId,
      OR: [{ status: 'DONE' }, { note: { not: null } }, { dueDate: { not: null } }, { version: { gt: 1 } }],
    },
    select: { id: true },
  });
  if (touched) return true;
  const tasks = await tx.activationTask.findMany({ where: { activationId }, select: { id: true } });
  const acted = await tx.auditLog.findFirst({
    where: {
      OR: [
        { targetType: 'ActivationTask', targetId: { in: tasks.map((t) => String(t.id)) } },
        { targetType: 'Activation', targetId: String(activationId), actorId: { not: null } },
      ],
    },
    select: { id: true },
  });
  return acted !== null;
}
