'use server';
import { refresh } from 'next/cache';
import { activateManually, setTaskDueDate, standDown } from '@/server/activation/manage';
import { activateSchema, dueDateSchema, standDownSchema } from '@/lib/validations/activation';
import { now } from '@/server/env';
import { guardedAction, type ActionResult } from '@/server/boundary/action';

// The leaders' actions on the response plan. guardedAction checks the session, the input and activation.manage in the
// province the input names; the services check again against the records themselves (a task's or an activation's own
// province), since an id in a form is whatever the sender typed.

const activate = guardedAction({
  name: 'activation.activate',
  permission: 'activation.manage',
  schema: activateSchema,
  scope: (input) => ({ provinceCode: input.provinceCode }),
  run: ({ prisma, user, input }) => activateManually(prisma, user, input, now()),
});

const standDownGuarded = guardedAction({
  name: 'activation.stand-down',
  permission: 'activation.manage',
  schema: standDownSchema,
  scope: async (input, prisma) => {
    const a = await prisma.activation.findUnique({
      where: { id: input.activationId },
      select: { province: { select: { code: true } } },
    });
    return a ? { provinceCode: a.province.code } : null;
  },
  run: ({ prisma, user, input }) => standDown(prisma, user, input, now()),
});

const dueDate = guardedAction({
  name: 'tasks.due-date',
  permission: 'activation.manage',
  schema: dueDateSchema,
  scope: async (input, prisma) => {
    const t = await prisma.activationTask.findUnique({
      where: { id: input.taskId },
      select: { activation: { select: { province: { select: { code: true } } } } },
    });
    return t ? { provinceCode: t.activation.province.code } : null;
  },
  run: ({ prisma, user, input }) => setTaskDueDate(prisma, user, input),
});

function refreshUnlessInvalid<T>(result: ActionResult<T>): ActionResult<T> {
  // a refusal or conflict also re-renders, so the page shows what changed meanwhile and carries the new version
  if (result.ok || (result.code !== 'invalid' && result.code !== 'unauthenticated')) refresh();
  return result;
}

export async function activateAction(raw: unknown) {
  return refreshUnlessInvalid(await activate(raw));
}

export async function standDownAction(raw: unknown) {
  return refreshUnlessInvalid(await standDownGuarded(raw));
}

export async function setDueDateAction(raw: unknown) {
  return refreshUnlessInvalid(await dueDate(raw));
}
