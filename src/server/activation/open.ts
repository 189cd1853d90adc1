import { validInWeekWhere } from '@/server/units/validity';
import type { Prisma } from '@/generated/prisma/client';
import type { IsoWeek } from '@/lib/epi-week';
import type { SurgeLevel } from '@/lib/surge';
import { recordAudit } from '@/server/audit/record';
import { loadProvinceVerdict, type ProvinceVerdict, type Tx } from '@/server/verdicts/province-verdict';

// Opening the response plan: one Activation and its checklist (one task per task template of the plan's appendix V
// bodies; the district committees' templates copied once per district). Used by the automatic activation (a save that
// makes the latest complete week a settled surge: rule.ts), the leaders' manual activation and the demo seed, so all
// three produce the same record. No `server-only`: see province-verdict.ts.

export const AUTO_ACTIVATION_ACTOR = { id: null, label: 'system:auto-activation' } as const;
export const ONE_OPEN_INDEX = 'Activation_one_open_per_province';
const SAVEPOINT = 'surgewatch_open_activation';

export interface Actor {
  id: number | null;
  label: string;
}

export type OpenResult =
  | { status: 'opened'; activationId: number; tasks: number }
  | { status: 'already-open'; activationId: number | null }
  | { status: 'not-surge'; level: SurgeLevel }
  /** a surge on the reported figures that missing reports could still change: proposed, never opened (rule.ts) */
  | { status: 'unsettled'; level: SurgeLevel }
  | { status: 'no-province' };

export async function findOpenActivation(tx: Tx, provinceCode: string): Promise<{ id: number } | null> {
  return tx.activation.findFirst({
    where: { status: 'OPEN', province: { code: provinceCode, kind: 'province' } },
    select: { id: true },
  });
}

/**
 * Opens the plan when the province's verdict for `week` is a settled surge and none is open (the opening half of the
 * automatic rule, for the factories and the test worlds; writes go through runAutomaticRule, which also proposes).
 */
export async function activateIfSurge(
  tx: Tx,
  params: { provinceCode: string; week: IsoWeek; now: Date },
): Promise<OpenResult> {
  const open = await findOpenActivation(tx, params.provinceCode);
  if (open) return { status: 'already-open', activationId: open.id };
  const verdict = await loadProvinceVerdict(tx, params.provinceCode, params.week);
  if (!verdict) return { status: 'no-province' };
  if (verdict.snapshot.level !== 'surge') return { status: 'not-surge', level: verdict.snapshot.level };
  if (!verdict.snapshot.settled) return { status: 'unsettled', level: verdict.snapshot.level };
  return openActivation(tx, {
    verdict,
    week: params.week,
    trigger: 'AUTOMATIC',
    reason: null,
    actor: AUTO_ACTIVATION_ACTOR,
    now: params.now,
  });
}

export interface OpenParams {
  verdict: ProvinceVerdict;
  week: IsoWeek;
  trigger: 'AUTOMATIC' | 'MANUAL';
  reason: string | null;
  actor: Actor;
  now: Date;
}

/**
 * Creates the activation and its tasks, or returns 'already-open' when another transaction opened one first: the
 * partial unique index allows one OPEN activation per province, and two saves crossing the threshold at the same
 * moment both pass the "none open" check. The insert runs under a savepoint so that losing that race rolls back only
 * the activation, never the caller's save.
 */
export async function openActivation(tx: Tx, p: OpenParams): Promise<OpenResult> {
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  try {
    const result = await createActivation(tx, p);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return result;
  } catch (error) {
    if (!isOneOpenViolation(error)) throw error;
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const winner = await findOpenActivation(tx, p.verdict.province.code);
    return { status: 'already-open', activationId: winner?.id ?? null };
  }
}

async function createActivation(tx: Tx, p: OpenParams): Promise<OpenResult> {
  const { province, planVersionId, planId, snapshot } = p.verdict;
  const activation = await tx.activation.create({
    data: {
      provinceId: province.id,
      planVersionId,
      isoYear: p.week.isoYear,
      isoWeek: p.week.isoWeek,
      trigger: p.trigger,
      reason: p.reason,
      provisional: snapshot.provisional,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      openedAt: p.now,
      openedById: p.actor.id,
    },
    select: { id: true },
  });

  const [agencies, districts] = await Promise.all([
    tx.agency.findMany({
      where: { planId },
      select: { id: true, kind: true, templates: { select: { id: true, text: true }, orderBy: { order: 'asc' } } },
      orderBy: { order: 'asc' },
    }),
    tx.adminUnit.findMany({
      where: { provinceCode: province.code, kind: { in: ['district', 'commune'] }, ...validInWeekWhere(p.week) },
      select: { id: true, kind: true },
      orderBy: { code: 'asc' },
    }),
  ]);
  // The plans' "UBND các huyện, thành phố" tasks go to the local governments of the week: the districts under the
  // district system; since 1 July 2025, when there are no districts, the communes (UBND cấp xã), whose officers tick
  // their own copy (docs/adr/0014-units-in-time.md).
  const local = districts.some((d) => d.kind === 'district')
    ? districts.filter((d) => d.kind === 'district')
    : districts;
  const tasks: Prisma.ActivationTaskCreateManyInput[] = [];
  for (const agency of agencies) {
    const copies = agency.kind === 'DISTRICT_COMMITTEE' ? local.map((d) => d.id) : [null];
    for (const districtId of copies) {
      for (const t of agency.templates)
        tasks.push({ activationId: activation.id, templateId: t.id, agencyId: agency.id, districtId, text: t.text });
    }
  }
  if (tasks.length > 0) await tx.activationTask.createMany({ data: tasks });

  await recordAudit(tx, {
    actor: p.actor,
    action: 'activation.opened',
    targetType: 'Activation',
    targetId: String(activation.id),
    provinceCode: province.code,
    after: {
      trigger: p.trigger,
      reason: p.reason,
      week: snapshot.week,
      level: snapshot.level,
      provisional: snapshot.provisional,
      settled: snapshot.settled,
      planVersionId,
      tasks: tasks.length,
    },
  });
  return { status: 'opened', activationId: activation.id, tasks: tasks.length };
}

/** The unique violation of "one OPEN activation per province", however the driver adapter reports it. */
export function isOneOpenViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (typeof e !== 'object' || e === null || seen.has(e)) return false;
    seen.add(e);
    const o = e as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof o.message === 'string' && o.message.includes(ONE_OPEN_INDEX)) return true;
    if (JSON.stringify(o.meta ?? null).includes(ONE_OPEN_INDEX)) return true;
    // P2002 without the index name: the only unique constraint an activation insert can hit is this one
    if (o.code === 'P2002' || o.code === '23505' || o.originalCode === '23505') return true;
    return visit(o.cause);
  };
  return visit(error);
}
