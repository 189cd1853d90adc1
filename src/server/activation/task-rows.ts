import 'server-only';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { PrismaClient } from '@/generated/prisma/client';
import { formatIsoWeek, TIME_ZONE } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { tickDenial } from '@/lib/permissions';
import type { ActivationCorrection } from './withdraw';

// Pieces shared by the leaders' response view and "my tasks": the task rows, their history (the audit rows), and the
// activation summaries. Small plain objects only; dates as ISO strings.

export interface HistoryEntry {
  at: string;
  /** the user's name; null for a system actor */
  actorName: string | null;
  actorLabel: string;
  action: 'task.done' | 'task.reopened' | 'task.due-date' | string;
  note: string | null;
  /** the task was already in that state (another officer got there first) */
  unchanged: boolean;
  dueDate: string | null;
}

export interface TaskRow {
  id: number;
  text: string;
  agencyId: number;
  agencyName: string;
  agencyOrder: number;
  hasOwnOfficer: boolean;
  districtId: number | null;
  districtName: string | null;
  status: 'OPEN' | 'DONE';
  note: string | null;
  dueDate: string | null;
  overdue: boolean;
  doneAt: string | null;
  doneBy: string | null;
  version: number;
  canTick: boolean;
  history: HistoryEntry[];
}

export const TASK_SELECT = {
  id: true,
  text: true,
  agencyId: true,
  districtId: true,
  status: true,
  note: true,
  dueDate: true,
  doneAt: true,
  version: true,
  doneBy: { select: { name: true } },
  agency: { select: { name: true, order: true, hasOwnOfficer: true } },
  district: { select: { name: true, code: true } },
  template: { select: { order: true } },
} as const;

type TaskRecord = {
  id: number;
  text: string;
  agencyId: number;
  districtId: number | null;
  status: 'OPEN' | 'DONE';
  note: string | null;
  dueDate: Date | null;
  doneAt: Date | null;
  version: number;
  doneBy: { name: string } | null;
  agency: { name: string; order: number; hasOwnOfficer: boolean };
  district: { name: string; code: string } | null;
  template: { order: number };
};

/** Today's date (YYYY-MM-DD) in Vietnam: a task is overdue from the day after its due date. */
export function todayInVietnam(now: Date): string {
  return format(new TZDate(now.getTime(), TIME_ZONE), 'yyyy-MM-dd');
}

export function toTaskRows(
  records: TaskRecord[],
  ctx: { user: SessionUser; provinceCode: string; open: boolean; today: string; history: Map<number, HistoryEntry[]> },
): TaskRow[] {
  const rows = records.map((t) => {
    const dueDate = t.dueDate ? t.dueDate.toISOString().slice(0, 10) : null;
    return {
      id: t.id,
      text: t.text,
      agencyId: t.agencyId,
      agencyName: t.agency.name,
      agencyOrder: t.agency.order,
      hasOwnOfficer: t.agency.hasOwnOfficer,
      districtId: t.districtId,
      districtName: t.district?.name ?? null,
      status: t.status,
      note: t.note,
      dueDate,
      overdue: t.status === 'OPEN' && dueDate !== null && dueDate < ctx.today,
      doneAt: t.doneAt?.toISOString() ?? null,
      doneBy: t.doneBy?.name ?? null,
      version: t.version,
      canTick:
        ctx.open &&
        tickDenial(ctx.user, { provinceCode: ctx.provinceCode, agencyId: t.agencyId, districtId: t.districtId }) ===
          null,
      history: ctx.history.get(t.id) ?? [],
      sortKey: [t.agency.order, t.district?.code ?? '', t.template.order] as const,
    };
  });
  // the document's order: body, then district (GSO code), then the task's number in the appendix
  rows.sort(
    (a, b) => a.sortKey[0] - b.sortKey[0] || a.sortKey[1].localeCompare(b.sortKey[1]) || a.sortKey[2] - b.sortKey[2],
  );
  return rows.map(({ sortKey: _s, ...r }) => r);
}

/** The audit rows of these tasks, oldest first: who did what, when, with which note. */
export async function getTaskHistories(prisma: PrismaClient, taskIds: number[]): Promise<Map<number, HistoryEntry[]>> {
  const out = new Map<number, HistoryEntry[]>();
  if (taskIds.length === 0) return out;
  const rows = await prisma.auditLog.findMany({
    where: { targetType: 'ActivationTask', targetId: { in: taskIds.map(String) } },
    select: {
      at: true,
      actorLabel: true,
      action: true,
      targetId: true,
      after: true,
      actor: { select: { name: true } },
    },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  for (const r of rows) {
    const after = (r.after ?? {}) as { note?: unknown; unchanged?: unknown; dueDate?: unknown };
    const entry: HistoryEntry = {
      at: r.at.toISOString(),
      actorName: r.actor?.name ?? null,
      actorLabel: r.actorLabel,
      action: r.action,
      note: typeof after.note === 'string' ? after.note : null,
      unchanged: after.unchanged === true,
      dueDate: typeof after.dueDate === 'string' ? after.dueDate : null,
    };
    const id = Number(r.targetId);
    out.set(id, [...(out.get(id) ?? []), entry]);
  }
  return out;
}

export interface ActivationSummary {
  id: number;
  status: 'OPEN' | 'STOOD_DOWN' | 'WITHDRAWN';
  trigger: 'AUTOMATIC' | 'MANUAL';
  week: string;
  provisional: boolean;
  reason: string | null;
  openedAt: string;
  /** null: opened by the automatic rule (system actor) */
  openedBy: string | null;
  stoodDownAt: string | null;
  stoodDownBy: string | null;
  standDownReason: string | null;
  withdrawnAt: string | null;
  /** the latest correction of its week's figures since it opened (withdrawn: the one that withdrew it) */
  correction: ActivationCorrection | null;
  /** a withdrawn activation's tasks are listed nowhere: 0 and 0 */
  done: number;
  total: number;
}

export const ACTIVATION_SELECT = {
  id: true,
  status: true,
  trigger: true,
  isoYear: true,
  isoWeek: true,
  provisional: true,
  reason: true,
  openedAt: true,
  stoodDownAt: true,
  standDownReason: true,
  withdrawnAt: true,
  correction: true,
  openedBy: { select: { name: true } },
  stoodDownBy: { select: { name: true } },
} as const;

type ActivationRecord = {
  id: number;
  status: 'OPEN' | 'STOOD_DOWN' | 'WITHDRAWN';
  trigger: 'AUTOMATIC' | 'MANUAL';
  isoYear: number;
  isoWeek: number;
  provisional: boolean;
  reason: string | null;
  openedAt: Date;
  stoodDownAt: Date | null;
  standDownReason: string | null;
  withdrawnAt: Date | null;
  correction: unknown;
  openedBy: { name: string } | null;
  stoodDownBy: { name: string } | null;
};

export function toSummary(a: ActivationRecord, counts: { done: number; total: number }): ActivationSummary {
  return {
    id: a.id,
    status: a.status,
    trigger: a.trigger,
    week: formatIsoWeek({ isoYear: a.isoYear, isoWeek: a.isoWeek }),
    provisional: a.provisional,
    reason: a.reason,
    openedAt: a.openedAt.toISOString(),
    openedBy: a.openedBy?.name ?? null,
    stoodDownAt: a.stoodDownAt?.toISOString() ?? null,
    stoodDownBy: a.stoodDownBy?.name ?? null,
    standDownReason: a.standDownReason,
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    correction: (a.correction ?? null) as ActivationCorrection | null,
    ...(a.status === 'WITHDRAWN' ? { done: 0, total: 0 } : counts),
  };
}

/** done / total tasks per activation, in one grouped query. */
export async function countTasks(
  prisma: PrismaClient,
  activationIds: number[],
): Promise<Map<number, { done: number; total: number }>> {
  const out = new Map<number, { done: number; total: number }>();
  if (activationIds.length === 0) return out;
  const groups = await prisma.activationTask.groupBy({
    by: ['activationId', 'status'],
    where: { activationId: { in: activationIds } },
    _count: { _all: true },
  });
  for (const g of groups) {
    const c = out.get(g.activationId) ?? { done: 0, total: 0 };
    c.total += g._count._all;
    if (g.status === 'DONE') c.done += g._count._all;
    out.set(g.activationId, c);
  }
  return out;
}
