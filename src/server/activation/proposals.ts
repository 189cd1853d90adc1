import type { Prisma } from '@/generated/prisma/client';
import type { ActivationProposalStatus } from '@/generated/prisma/enums';
import { compareWeeks, formatIsoWeek, type IsoWeek } from '@/lib/epi-week';
import { recordAudit } from '@/server/audit/record';
import { validInWeek } from '@/server/verdicts/facts';
import type { ProvinceVerdict, Tx } from '@/server/verdicts/province-verdict';
import { AUTO_ACTIVATION_ACTOR, type Actor } from './open';

// Activation proposals (issue 13, item 2): an unsettled surge of the latest complete week is put to the province's
// leaders instead of opening the plan. At most one OPEN proposal per province (the partial unique index below); it is
// refreshed by every save of its week and closed when the week settles, stops being a surge, is replaced by a later
// week, or a leader activates or dismisses. Every step leaves an audit row. No `server-only`: see open.ts.

export const ONE_OPEN_PROPOSAL_INDEX = 'ActivationProposal_one_open_per_province';
const SAVEPOINT = 'surgewatch_propose_activation';

export type ProposalResult =
  | { status: 'created'; proposalId: number }
  | { status: 'refreshed'; proposalId: number }
  | { status: 'unchanged'; proposalId: number };

type ClosingStatus = Exclude<ActivationProposalStatus, 'OPEN'>;

const ACTION: Record<ClosingStatus, string> = {
  OPENED: 'proposal.opened',
  SETTLED: 'proposal.settled',
  LAPSED: 'proposal.lapsed',
  REPLACED: 'proposal.replaced',
  DISMISSED: 'proposal.dismissed',
  ACTIVATED: 'proposal.activated',
};

const sameWeek = (p: { isoYear: number; isoWeek: number }, w: IsoWeek) =>
  compareWeeks({ isoYear: p.isoYear, isoWeek: p.isoWeek }, w) === 0;

/**
 * Creates the province's proposal for `week`, or refreshes the open one of that week with the new verdict. An open
 * proposal of another week is closed as replaced first. Two saves racing to propose create one: the loser's insert
 * hits the partial unique index under a savepoint, and it refreshes the winner's instead.
 */
export async function proposeActivation(
  tx: Tx,
  p: { verdict: ProvinceVerdict; week: IsoWeek; now: Date },
): Promise<ProposalResult> {
  const { province } = p.verdict;
  // loadProvinceVerdict gives no verdict outside the province's validity: a verdict here for such a week is a bug
  if (!provinceValidIn(p.verdict, p.week))
    throw new Error(`Province ${province.code} is not valid in ${formatIsoWeek(p.week)}: it is never proposed a plan`);
  const open = await findOpenProposal(tx, province.id);
  if (open && sameWeek(open, p.week)) return refresh(tx, open, p);
  if (open) await closeProposal(tx, open, province.code, { status: 'REPLACED', now: p.now });
  return insertProposal(tx, p);
}

/** The insert half of proposeActivation, under a savepoint: losing the race refreshes the winner's proposal. */
export async function insertProposal(
  tx: Tx,
  p: { verdict: ProvinceVerdict; week: IsoWeek; now: Date },
): Promise<ProposalResult> {
  const { province } = p.verdict;
  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  try {
    const created = await tx.activationProposal.create({
      data: {
        provinceId: province.id,
        isoYear: p.week.isoYear,
        isoWeek: p.week.isoWeek,
        snapshot: p.verdict.snapshot as unknown as Prisma.InputJsonValue,
        createdAt: p.now,
        updatedAt: p.now,
      },
      select: { id: true },
    });
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    await recordAudit(tx, {
      actor: AUTO_ACTIVATION_ACTOR,
      action: 'proposal.created',
      targetType: 'ActivationProposal',
      targetId: String(created.id),
      provinceCode: province.code,
      at: p.now,
      after: summary(p.verdict, p.week),
    });
    return { status: 'created', proposalId: created.id };
  } catch (error) {
    if (!isOneOpenProposalViolation(error)) throw error;
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const winner = await findOpenProposal(tx, province.id);
    if (!winner) throw error;
    if (sameWeek(winner, p.week)) return refresh(tx, winner, p);
    // two saves straddling Monday 00:00: the proposal of the later week is the present's and stays
    if (compareWeeks(winner, p.week) > 0) return { status: 'unchanged', proposalId: winner.id };
    await closeProposal(tx, winner, province.code, { status: 'REPLACED', now: p.now });
    return proposeActivation(tx, p);
  }
}

/** Whether the verdict's province is valid in the week (on its Thursday: the one week rule). */
export function provinceValidIn(verdict: ProvinceVerdict, week: IsoWeek): boolean {
  return validInWeek(verdict.province, week);
}

interface OpenProposal {
  id: number;
  isoYear: number;
  isoWeek: number;
  snapshot: Prisma.JsonValue;
}

export function findOpenProposal(tx: Tx, provinceId: number): Promise<OpenProposal | null> {
  return tx.activationProposal.findFirst({
    where: { provinceId, status: 'OPEN' },
    select: { id: true, isoYear: true, isoWeek: true, snapshot: true },
  });
}

async function refresh(
  tx: Tx,
  open: OpenProposal,
  p: { verdict: ProvinceVerdict; week: IsoWeek; now: Date },
): Promise<ProposalResult> {
  const before = open.snapshot as unknown as ProvinceVerdict['snapshot'];
  // a JSONB column gives its keys back in its own order: compare with sorted keys
  if (stableJson(before) === stableJson(p.verdict.snapshot)) return { status: 'unchanged', proposalId: open.id };
  const changed = await tx.activationProposal.updateMany({
    where: { id: open.id, status: 'OPEN' },
    data: { snapshot: p.verdict.snapshot as unknown as Prisma.InputJsonValue, updatedAt: p.now },
  });
  if (changed.count === 0) return { status: 'unchanged', proposalId: open.id };
  await recordAudit(tx, {
    actor: AUTO_ACTIVATION_ACTOR,
    action: 'proposal.refreshed',
    targetType: 'ActivationProposal',
    targetId: String(open.id),
    provinceCode: p.verdict.province.code,
    at: p.now,
    before: { level: before.level, settled: before.settled, completeness: before.completeness },
    after: summary(p.verdict, p.week),
  });
  return { status: 'refreshed', proposalId: open.id };
}

/**
 * Closes an open proposal (the status in the WHERE: of two closings at once, one wins; the other returns false).
 * The system closes it (settled, lapsed, replaced, opened) unless an actor is named (a leader's dismissal or manual
 * activation).
 */
export async function closeProposal(
  tx: Tx,
  proposal: { id: number },
  provinceCode: string,
  c: { status: ClosingStatus; now: Date; actor?: Actor; reason?: string | null; activationId?: number | null },
): Promise<boolean> {
  const actor = c.actor ?? AUTO_ACTIVATION_ACTOR;
  const changed = await tx.activationProposal.updateMany({
    where: { id: proposal.id, status: 'OPEN' },
    data: {
      status: c.status,
      closedAt: c.now,
      closedById: actor.id,
      closeReason: c.reason ?? null,
      activationId: c.activationId ?? null,
    },
  });
  if (changed.count === 0) return false;
  await recordAudit(tx, {
    actor,
    action: ACTION[c.status],
    targetType: 'ActivationProposal',
    targetId: String(proposal.id),
    provinceCode,
    at: c.now,
    before: { status: 'OPEN' },
    after: { status: c.status, reason: c.reason ?? null, activationId: c.activationId ?? null },
  });
  return true;
}

/** Closes the province's open proposal, if any, whatever its week. */
export async function closeOpenProposal(
  tx: Tx,
  province: { id: number; code: string },
  c: Parameters<typeof closeProposal>[3],
): Promise<boolean> {
  const open = await findOpenProposal(tx, province.id);
  return open ? closeProposal(tx, open, province.code, c) : false;
}

function summary(verdict: ProvinceVerdict, week: IsoWeek) {
  const s = verdict.snapshot;
  return { week: formatIsoWeek(week), level: s.level, settled: s.settled, completeness: s.completeness };
}

/** The unique violation of "one OPEN proposal per province", however the driver adapter reports it. */
function isOneOpenProposalViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (typeof e !== 'object' || e === null || seen.has(e)) return false;
    seen.add(e);
    const o = e as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof o.message === 'string' && o.message.includes(ONE_OPEN_PROPOSAL_INDEX)) return true;
    if (JSON.stringify(o.meta ?? null).includes(ONE_OPEN_PROPOSAL_INDEX)) return true;
    // the only unique constraint a proposal insert can hit is this one
    if (o.code === 'P2002' || o.code === '23505' || o.originalCode === '23505') return true;
    return visit(o.cause);
  };
  return visit(error);
}

/** JSON with object keys sorted, so that two equal snapshots compare equal whatever order their keys come in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
