import type { Prisma } from '@/generated/prisma/client';
import { compareWeeks, formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import type { SurgeLevel } from '@/lib/surge';
import type { Figures } from '@/lib/validations/figures';
import { recordAudit } from '@/server/audit/record';
import type { Tx } from '@/server/verdicts/province-verdict';
import { hasWorkStarted, type Decision } from './consequence';
import { AUTO_ACTIVATION_ACTOR } from './open';

// Corrections after the plan opened (issue 13, item 4). When a save changes the verdict of an open activation's week:
// - an automatic opening nobody has acted on, whose week is no longer a settled surge, is WITHDRAWN: the record stays
//   (with the correction), its tasks are listed nowhere;
// - otherwise the plan stays open and the correction is stored on it, for the leaders to decide (a correction never
//   closes a plan a person opened or has started working on).
// Both are recorded under the system actor, like the automatic opening: the rule acts; the user who saved is named in
// the correction. No `server-only`: see open.ts.

/** One changed row, as the save wrote it. */
export interface ReportChange {
  unitCode: string;
  week: IsoWeek;
  /** null: the row did not exist */
  before: Figures | null;
  after: Figures;
}

export interface ActivationCorrection {
  at: string;
  /** the user whose save made the correction */
  by: { id: number | null; label: string; name: string | null };
  week: string;
  changes: Array<{ unitCode: string; unitName: string; before: Figures | null; after: Figures }>;
  levelBefore: SurgeLevel;
  settledBefore: boolean;
  levelAfter: SurgeLevel;
  settledAfter: boolean;
  withdrawn: boolean;
}

export type CorrectionOutcome =
  | { status: 'withdrawn'; activationId: number; correction: ActivationCorrection }
  | { status: 'recorded'; activationId: number; correction: ActivationCorrection };

export async function applyCorrection(
  tx: Tx,
  decision: Decision,
  event: { actor: { id: number | null; label: string }; changes?: ReportChange[]; now: Date },
): Promise<CorrectionOutcome | null> {
  const { open, verdict } = decision;
  if (!open || !verdict || !decision.correction) return null;
  const provinceCode = verdict.province.code;

  let withdraw = decision.correction === 'withdraw';
  if (withdraw) {
    // Lock the activation's tasks, then look again: an officer's tick committed meanwhile means work has started.
    // An officer ticking after this commits finds every task's version moved (below) and is refused as a conflict.
    await tx.$queryRaw`SELECT "id" FROM "ActivationTask" WHERE "activationId" = ${open.id} FOR UPDATE`;
    withdraw = !(await hasWorkStarted(tx, open.id));
  }

  const correction = await describeCorrection(tx, decision, event, withdraw);
  const json = correction as unknown as Prisma.InputJsonValue;
  if (withdraw) {
    const changed = await tx.activation.updateMany({
      where: { id: open.id, status: 'OPEN' },
      data: { status: 'WITHDRAWN', withdrawnAt: event.now, correction: json },
    });
    if (changed.count === 0) return null; // a leader stood it down meanwhile
    await tx.activationTask.updateMany({ where: { activationId: open.id }, data: { version: { increment: 1 } } });
  } else {
    const changed = await tx.activation.updateMany({
      where: { id: open.id, status: 'OPEN' },
      data: { correction: json },
    });
    if (changed.count === 0) return null;
  }
  await recordAudit(tx, {
    actor: AUTO_ACTIVATION_ACTOR,
    action: withdraw ? 'activation.withdrawn' : 'activation.corrected',
    targetType: 'Activation',
    targetId: String(open.id),
    provinceCode,
    at: event.now,
    before: { status: 'OPEN', level: open.lastLevel, settled: open.lastSettled },
    after: { status: withdraw ? 'WITHDRAWN' : 'OPEN', correction },
  });
  return { status: withdraw ? 'withdrawn' : 'recorded', activationId: open.id, correction };
}

async function describeCorrection(
  tx: Tx,
  decision: Decision,
  event: { actor: { id: number | null; label: string }; changes?: ReportChange[]; now: Date },
  withdrawn: boolean,
): Promise<ActivationCorrection> {
  const open = decision.open!;
  const snapshot = decision.verdict!.snapshot;
  const changes = (event.changes ?? []).filter((c) => compareWeeks(c.week, decision.week) === 0);
  const [units, user] = await Promise.all([
    tx.adminUnit.findMany({
      where: { code: { in: changes.map((c) => c.unitCode) }, provinceCode: decision.verdict!.province.code },
      select: { code: true, name: true },
    }),
    event.actor.id === null ? null : tx.user.findUnique({ where: { id: event.actor.id }, select: { name: true } }),
  ]);
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  return {
    at: event.now.toISOString(),
    by: { id: event.actor.id, label: event.actor.label, name: user?.name ?? null },
    week: formatIsoWeek(decision.week),
    changes: changes.map((c) => ({
      unitCode: c.unitCode,
      unitName: nameOf.get(c.unitCode) ?? c.unitCode,
      before: c.before,
      after: c.after,
    })),
    levelBefore: open.lastLevel,
    settledBefore: open.lastSettled,
    levelAfter: snapshot.level,
    settledAfter: snapshot.settled,
    withdrawn,
  };
}
