import 'server-only';
import { can, canManageActivation } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import type { ActivationSnapshot } from '@/server/verdicts/province-verdict';
import { db } from '@/server/db';
import type { ScopedResult } from '@/server/verdicts/province-week';
import {
  ACTIVATION_SELECT,
  countTasks,
  getTaskHistories,
  TASK_SELECT,
  todayInVietnam,
  toSummary,
  toTaskRows,
  type ActivationSummary,
  type TaskRow,
} from './task-rows';

// The leaders' view of the response plan: the open activation (or the one asked for, or the latest), what triggered
// it, any correction of its week's figures since, progress per agency and per district, overdue tasks and the latest
// notes; and the history of activations (a withdrawn one without its tasks). The open proposal: proposal-view.ts.

export interface ProgressRow {
  key: number;
  name: string;
  done: number;
  total: number;
  overdue: number;
  /** bodies only: ticked by the province's leaders */
  leadersTick?: boolean;
}

export interface NoteRow {
  taskId: number;
  text: string;
  agencyName: string;
  districtName: string | null;
  note: string;
  at: string;
  actorName: string | null;
  actorLabel: string;
  action: string;
}

export interface ActivationDetail {
  summary: ActivationSummary;
  /** without reports.read in the province (agency officers), the figures are left out: level and completeness only */
  snapshot: ActivationSnapshot;
  figuresHidden: boolean;
  planName: string;
  planVersion: number;
  overdue: number;
  byAgency: ProgressRow[];
  byDistrict: ProgressRow[];
  overdueTasks: TaskRow[];
  notes: NoteRow[];
  tasks: TaskRow[];
}

export interface ResponseView {
  province: { code: string; name: string };
  canManage: boolean;
  hasOpen: boolean;
  activations: ActivationSummary[];
  selected: ActivationDetail | null;
}

export async function getResponseView(
  user: SessionUser,
  provinceCode: string,
  options: { activationId?: number; now: Date },
): Promise<ScopedResult<ResponseView>> {
  if (!can(user, 'activation.read', { provinceCode })) return { status: 'forbidden' };
  const prisma = await db();
  const province = await prisma.adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true, code: true, name: true },
  });
  if (!province) return { status: 'not-found' };

  const records = await prisma.activation.findMany({
    where: { provinceId: province.id },
    select: {
      ...ACTIVATION_SELECT,
      snapshot: true,
      planVersion: { select: { version: true, plan: { select: { name: true } } } },
    },
    orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
  });
  const counts = await countTasks(
    prisma,
    records.map((r) => r.id),
  );
  const activations = records.map((r) => toSummary(r, counts.get(r.id) ?? { done: 0, total: 0 }));
  const open = records.find((r) => r.status === 'OPEN');
  // scope: an id from the URL only selects among this province's activations
  const chosen =
    (options.activationId !== undefined ? records.find((r) => r.id === options.activationId) : undefined) ??
    open ??
    records[0];
  const base = {
    province: { code: province.code, name: province.name },
    canManage: canManageActivation(user, provinceCode),
    hasOpen: Boolean(open),
    activations,
  };
  if (!chosen) return { status: 'ok', data: { ...base, selected: null } };

  // a withdrawn activation's tasks are listed nowhere: the record keeps what triggered it and the correction
  const taskRecords =
    chosen.status === 'WITHDRAWN'
      ? []
      : await prisma.activationTask.findMany({ where: { activationId: chosen.id }, select: TASK_SELECT });
  const history = await getTaskHistories(
    prisma,
    taskRecords.map((t) => t.id),
  );
  const tasks = toTaskRows(taskRecords, {
    user,
    provinceCode,
    open: chosen.status === 'OPEN',
    today: todayInVietnam(options.now),
    history,
  });
  const snapshot = chosen.snapshot as unknown as ActivationSnapshot;
  const figuresHidden = !can(user, 'reports.read', { provinceCode });

  return {
    status: 'ok',
    data: {
      ...base,
      selected: {
        summary: toSummary(chosen, counts.get(chosen.id) ?? { done: 0, total: 0 }),
        snapshot: figuresHidden ? { ...snapshot, population: null, counts: null, criteria: [] } : snapshot,
        figuresHidden,
        planName: chosen.planVersion.plan.name,
        planVersion: chosen.planVersion.version,
        overdue: tasks.filter((t) => t.overdue).length,
        byAgency: group(tasks, (t) => ({ key: t.agencyId, name: t.agencyName, leadersTick: !t.hasOwnOfficer })),
        byDistrict: group(
          tasks.filter((t) => t.districtId !== null),
          (t) => ({ key: t.districtId!, name: t.districtName ?? '' }),
        ),
        overdueTasks: tasks.filter((t) => t.overdue),
        notes: latestNotes(tasks, 8),
        tasks,
      },
    },
  };
}

/** Rows in the order the tasks come (the document's), one per key. */
function group(
  tasks: TaskRow[],
  keyOf: (t: TaskRow) => { key: number; name: string; leadersTick?: boolean },
): ProgressRow[] {
  const rows = new Map<number, ProgressRow>();
  for (const t of tasks) {
    const k = keyOf(t);
    const row = rows.get(k.key) ?? { ...k, done: 0, total: 0, overdue: 0 };
    row.total++;
    if (t.status === 'DONE') row.done++;
    if (t.overdue) row.overdue++;
    rows.set(k.key, row);
  }
  return [...rows.values()];
}

function latestNotes(tasks: TaskRow[], count: number): NoteRow[] {
  const notes: NoteRow[] = [];
  for (const t of tasks) {
    for (const h of t.history) {
      if (!h.note) continue;
      notes.push({
        taskId: t.id,
        text: t.text,
        agencyName: t.agencyName,
        districtName: t.districtName,
        note: h.note,
        at: h.at,
        actorName: h.actorName,
        actorLabel: h.actorLabel,
        action: h.action,
      });
    }
  }
  return notes.sort((a, b) => b.at.localeCompare(a.at)).slice(0, count);
}
