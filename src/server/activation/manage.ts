import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { lastCompleteWeek } from '@/lib/epi-week';
import type { SessionUser } from '@/lib/roles';
import { recordAudit } from '@/server/audit/record';
import { recordRefusal, type ActionResult } from '@/server/boundary/action';
import { canManageActivation } from './access';
import { findOpenActivation, openActivation } from './open';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';
import type { ActivateInput, DueDateInput, StandDownInput } from '@/lib/validations/activation';

// The leaders' decisions on the response plan. Each service checks the permission itself (the server actions check it
// too, through guardedAction): these are the functions the tests call, and the only way in.

const TX = { timeout: 30_000, maxWait: 15_000 };

/**
 * Opens the plan by a leader's decision, with a reason: the plan's qualitative criteria (a dangerous new variant,
 * vaccines losing effect) are judgements, not figures. The snapshot records the latest complete week's figures anyway,
 * whatever their level.
 */
export async function activateManually(
  prisma: PrismaClient,
  user: SessionUser,
  input: ActivateInput,
  now: Date,
): Promise<ActionResult<{ activationId: number }>> {
  if (!canManageActivation(user, input.provinceCode)) {
    await recordRefusal(prisma, user, 'activation.activate', { provinceCode: input.provinceCode });
    return { ok: false, code: 'forbidden', message: 'errors.forbidden' };
  }
  const week = lastCompleteWeek(now);
  return prisma.$transaction(async (tx) => {
    if (await findOpenActivation(tx, input.provinceCode))
      return { ok: false, code: 'conflict', message: 'errors.alreadyOpen' } as const;
    const verdict = await loadProvinceVerdict(tx, input.provinceCode, week);
    if (!verdict) return { ok: false, code: 'not-found', message: 'errors.noProvince' } as const;
    const result = await openActivation(tx, {
      verdict,
      week,
      trigger: 'MANUAL',
      reason: input.reason,
      actor: { id: user.id, label: user.email },
      now,
    });
    if (result.status !== 'opened') return { ok: false, code: 'conflict', message: 'errors.alreadyOpen' } as const;
    return { ok: true, data: { activationId: result.activationId }, message: 'done.activated' } as const;
  }, TX);
}

/** Standing down keeps the activation and its checklist as a read-only record; a later surge opens a new one. */
export async function standDown(
  prisma: PrismaClient,
  user: SessionUser,
  input: StandDownInput,
  now: Date,
): Promise<ActionResult> {
  const activation = await prisma.activation.findUnique({
    where: { id: input.activationId },
    select: { province: { select: { code: true } } },
  });
  if (!activation) return { ok: false, code: 'not-found', message: 'errors.activationGone' };
  const provinceCode = activation.province.code;
  if (!canManageActivation(user, provinceCode)) {
    await recordRefusal(prisma, user, 'activation.stand-down', { provinceCode });
    return {
      ok: false,
      code: 'forbidden',
      message: provinceCode === user.provinceCode ? 'errors.forbidden' : 'errors.otherProvince',
    };
  }
  return prisma.$transaction(async (tx) => {
    // the status in the WHERE: of two leaders standing down at once, one changes the record, the other is told
    const changed = await tx.activation.updateMany({
      where: { id: input.activationId, status: 'OPEN' },
      data: { status: 'STOOD_DOWN', stoodDownAt: now, stoodDownById: user.id, standDownReason: input.reason },
    });
    if (changed.count === 0) return { ok: false, code: 'refused', message: 'errors.alreadyStoodDown' } as const;
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'activation.stood-down',
      targetType: 'Activation',
      targetId: String(input.activationId),
      provinceCode,
      before: { status: 'OPEN' },
      after: { status: 'STOOD_DOWN', reason: input.reason },
    });
    return { ok: true, data: undefined, message: 'done.stoodDown' } as const;
  }, TX);
}

/** An optional due date on a task (null clears it). Optimistic concurrency: the caller names the version it read. */
export async function setTaskDueDate(
  prisma: PrismaClient,
  user: SessionUser,
  input: DueDateInput,
): Promise<ActionResult<{ version: number }>> {
  const task = await prisma.activationTask.findUnique({
    where: { id: input.taskId },
    select: { activation: { select: { province: { select: { code: true } } } } },
  });
  if (!task) return { ok: false, code: 'not-found', message: 'errors.taskGone' };
  const provinceCode = task.activation.province.code;
  if (!canManageActivation(user, provinceCode)) {
    await recordRefusal(prisma, user, 'tasks.due-date', { provinceCode });
    return {
      ok: false,
      code: 'forbidden',
      message: provinceCode === user.provinceCode ? 'errors.forbidden' : 'errors.otherProvince',
    };
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.activationTask.findUnique({
      where: { id: input.taskId },
      select: { dueDate: true, version: true, activation: { select: { status: true } } },
    });
    if (!current) return { ok: false, code: 'not-found', message: 'errors.taskGone' } as const;
    if (current.activation.status !== 'OPEN')
      return { ok: false, code: 'refused', message: 'errors.stoodDown' } as const;
    const dueDate = input.dueDate === null ? null : new Date(`${input.dueDate}T00:00:00Z`);
    const changed = await tx.activationTask.updateMany({
      where: { id: input.taskId, version: input.version },
      data: { dueDate, version: { increment: 1 } },
    });
    if (changed.count === 0) return { ok: false, code: 'conflict', message: 'errors.conflict' } as const;
    await recordAudit(tx, {
      actor: { id: user.id, label: user.email },
      action: 'task.due-date',
      targetType: 'ActivationTask',
      targetId: String(input.taskId),
      provinceCode,
      before: { dueDate: current.dueDate?.toISOString().slice(0, 10) ?? null, version: current.version },
      after: { dueDate: input.dueDate, version: input.version + 1 },
    });
    return { ok: true, data: { version: input.version + 1 }, message: 'done.dueDate' } as const;
  }, TX);
}
