import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
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

// "Nhiệm vụ của tôi": the tasks of the open activation that are this user's to tick. A district officer: their
// district's copies of the district committees' tasks; an agency officer: their agency's; a provincial leader: the bodies with no
// officer of their own (steering committee, Fatherland Front, "other departments").

export type MyTasksScope = { kind: 'district'; name: string } | { kind: 'agency'; name: string } | { kind: 'leader' };

export interface MyTasksView {
  province: { code: string; name: string };
  scope: MyTasksScope;
  activation: ActivationSummary | null;
  tasks: TaskRow[];
}

export type MyTasksResult = { status: 'ok'; data: MyTasksView } | { status: 'not-applicable' };

export async function getMyTasks(user: SessionUser, now: Date): Promise<MyTasksResult> {
  const provinceCode = user.provinceCode;
  if (!provinceCode || !can(user, 'tasks.tick', { provinceCode })) return { status: 'not-applicable' };
  const prisma = await db();
  const province = await prisma.adminUnit.findFirst({
    where: { code: provinceCode, kind: 'province' },
    select: { id: true, code: true, name: true },
  });
  if (!province) return { status: 'not-applicable' };

  let scope: MyTasksScope;
  let filter: Prisma.ActivationTaskWhereInput;
  if (user.role === 'LOCAL_OFFICER' && user.unitId !== null) {
    const unit = await prisma.adminUnit.findFirst({ where: { id: user.unitId, provinceCode }, select: { name: true } });
    if (!unit) return { status: 'not-applicable' };
    scope = { kind: 'district', name: unit.name };
    filter = { districtId: user.unitId };
  } else if (user.role === 'AGENCY_OFFICER' && user.agencyId !== null) {
    const agency = await prisma.agency.findFirst({ where: { id: user.agencyId }, select: { name: true } });
    if (!agency) return { status: 'not-applicable' };
    scope = { kind: 'agency', name: agency.name };
    filter = { agencyId: user.agencyId };
  } else if (user.role === 'PROVINCIAL_LEADER') {
    scope = { kind: 'leader' };
    filter = { agency: { hasOwnOfficer: false } };
  } else {
    return { status: 'not-applicable' };
  }

  const activation = await prisma.activation.findFirst({
    where: { provinceId: province.id, status: 'OPEN' },
    select: ACTIVATION_SELECT,
  });
  const base = { province: { code: province.code, name: province.name }, scope };
  if (!activation) return { status: 'ok', data: { ...base, activation: null, tasks: [] } };

  const records = await prisma.activationTask.findMany({
    where: { activationId: activation.id, ...filter },
    select: TASK_SELECT,
  });
  const history = await getTaskHistories(
    prisma,
    records.map((r) => r.id),
  );
  const counts = await countTasks(prisma, [activation.id]);
  return {
    status: 'ok',
    data: {
      ...base,
      activation: toSummary(activation, counts.get(activation.id) ?? { done: 0, total: 0 }),
      tasks: toTaskRows(records, { user, provinceCode, open: true, today: todayInVietnam(now), history }),
    },
  };
}
