'use server';
import { refresh } from 'next/cache';
import { tickTask } from '@/server/activation/tick';
import { tickSchema } from '@/lib/validations/activation';
import { now } from '@/server/env';
import { guardedAction } from '@/server/boundary/action';

// Ticking a task done or reopening it. The guard checks tasks.tick in the task's own scope (its province, district and
// agency, read from the record, never from the form); tickTask then applies the finer rules (a district officer ticks
// only their district's copies, a leader the whole province) and the state checks, inside its transaction.

const tick = guardedAction({
  name: 'tasks.tick',
  permission: 'tasks.tick',
  schema: tickSchema,
  scope: async (input, prisma) => {
    const t = await prisma.activationTask.findUnique({
      where: { id: input.taskId },
      select: { agencyId: true, districtId: true, activation: { select: { province: { select: { code: true } } } } },
    });
    return t
      ? {
          provinceCode: t.activation.province.code,
          agencyId: t.agencyId,
          ...(t.districtId !== null ? { unitId: t.districtId } : {}),
        }
      : null;
  },
  run: ({ prisma, user, input }) => tickTask(prisma, user, input, now()),
});

export async function tickTaskAction(raw: unknown) {
  const result = await tick(raw);
  if (result.ok || (result.code !== 'invalid' && result.code !== 'unauthenticated')) refresh();
  return result;
}
