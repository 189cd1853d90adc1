import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { lastCompleteWeek } from '@/lib/epi-week';
import { manageDenial } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { activateSchema, dismissProposalSchema, dueDateSchema, standDownSchema } from '@/lib/validations/activation';
import { recordAudit } from '@/server/audit/record';
import { lockProvince } from '@/server/verdicts/data-version';
import { defineAction, runAction } from '@/server/boundary/action';
import { findOpenActivation, openActivation } from './open';
import { closeOpenProposal, closeProposal } from './proposals';
import { loadProvinceVerdict } from '@/server/verdicts/province-verdict';

// The leaders' decisions on the response plan, as actions (src/server/boundary/action.ts): activation.manage in the
// province of the record the input names (an activation's or a task's own province, never one the form says), so an
// id in a form is whatever the sender typed. The changes themselves run with the scope found.

const TX = { timeout: 30_000, maxWait: 15_000 };

async function activationScope(prisma: PrismaClient, activationId: number) {
  const a = await prisma.activation.findUnique({
    where: { id: activationId },
    select: { province: { select: { code: true } } },
  });
  return a ? { provinceCode: a.province.code } : null;
}

async function taskScope(prisma: PrismaClient, taskId: number) {
  const t = await prisma.activationTask.findUnique({
    where: { id: taskId },
    select: { activation: { select: { province: { select: { code: true } } } } },
  });
  return t ? { provinceCode: t.activation.province.code } : null;
}

async function proposalScope(prisma: PrismaClient, proposalId: number) {
  const p = await prisma.activationProposal.findUnique({
    where: { id: proposalId },
    select: { province: { select: { code: true } } },
  });
  return p ? { provinceCode: p.province.code } : null;
}

/**
 * Opens the plan by a leader's decision, with a reason: the plan's qualitative criteria (a dangerous new variant,
 * vaccines losing effect) are judgements, not figures, and an unsettled surge is proposed to the leaders rather than
 * opened. The snapshot records the latest complete week's figures anyway, whatever their level. The province's open
 * proposal, if any, closes as activated, with the same reason.
 */
export const activate = defineAction({
  name: 'activation.activate',
  permission: 'activation.manage',
  schema: activateSchema,
  scope: (input) => ({ provinceCode: input.provinceCode }),
  messages: { forbidden: 'errors.forbidden' },
  run: async ({ prisma, user, input, now }) => {
    const week = lastCompleteWeek(now);
    return prisma.$transaction(async (tx) => {
      await lockProvince(tx, input.provinceCode);
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
      await closeOpenProposal(tx, verdict.province, {
        status: 'ACTIVATED',
        now,
        actor: { id: user.id, label: user.email },
        reason: input.reason,
        activationId: result.activationId,
      });
      return { ok: true, data: { activationId: result.activationId }, message: 'done.activated' } as const;
    }, TX);
  },
});

/**
 * "Không kích hoạt": a leader decides, with a reason, that the proposal of the latest complete week does not open the
 * plan. The same unsettled surge of that week is not proposed again; if the week settles as a surge, the automatic
 * rule still opens the plan (the figures, complete, meet the plan's criteria). A proposal of an older week is no
 * longer current: it is closed as replaced and the leader told so.
 */
export const dismissProposal = defineAction({
  name: 'activation.dismiss-proposal',
  permission: 'activation.manage',
  schema: dismissProposalSchema,
  scope: (input, prisma) => proposalScope(prisma, input.proposalId),
  rule: (user, scope) => manageDenial(user, scope.provinceCode),
  messages: { forbidden: 'errors.forbidden', notFound: 'errors.proposalGone' },
  run: ({ prisma, user, input, scope: { provinceCode }, now }) =>
    prisma.$transaction(async (tx) => {
      await lockProvince(tx, provinceCode);
      const proposal = await tx.activationProposal.findUnique({
        where: { id: input.proposalId },
        select: { id: true, status: true, isoYear: true, isoWeek: true },
      });
      if (!proposal || proposal.status !== 'OPEN')
        return { ok: false, code: 'refused', message: 'errors.proposalClosed' } as const;
      const latest = lastCompleteWeek(now);
      if (proposal.isoYear !== latest.isoYear || proposal.isoWeek !== latest.isoWeek) {
        await closeProposal(tx, proposal, provinceCode, { status: 'REPLACED', now });
        return { ok: false, code: 'refused', message: 'errors.proposalClosed' } as const;
      }
      const closed = await closeProposal(tx, proposal, provinceCode, {
        status: 'DISMISSED',
        now,
        actor: { id: user.id, label: user.email },
        reason: input.reason,
      });
      if (!closed) return { ok: false, code: 'refused', message: 'errors.proposalClosed' } as const;
      return { ok: true, data: undefined, message: 'done.dismissed' } as const;
    }, TX),
});

/** Standing down keeps the activation and its checklist as a read-only record; a later surge opens a new one. */
export const standDownPlan = defineAction({
  name: 'activation.stand-down',
  permission: 'activation.manage',
  schema: standDownSchema,
  scope: (input, prisma) => activationScope(prisma, input.activationId),
  rule: (user, scope) => manageDenial(user, scope.provinceCode),
  messages: { forbidden: 'errors.forbidden', notFound: 'errors.activationGone' },
  run: ({ prisma, user, input, scope: { provinceCode }, now }) =>
    prisma.$transaction(async (tx) => {
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
    }, TX),
});

/** An optional due date on a task (null clears it). Optimistic concurrency: the caller names the version it read. */
export const setDueDate = defineAction({
  name: 'tasks.due-date',
  permission: 'activation.manage',
  schema: dueDateSchema,
  scope: (input, prisma) => taskScope(prisma, input.taskId),
  rule: (user, scope) => manageDenial(user, scope.provinceCode),
  messages: { forbidden: 'errors.forbidden', notFound: 'errors.taskGone' },
  run: ({ prisma, user, input, scope: { provinceCode } }) =>
    prisma.$transaction(async (tx) => {
      const current = await tx.activationTask.findUnique({
        where: { id: input.taskId },
        select: { dueDate: true, version: true, activation: { select: { status: true } } },
      });
      if (!current) return { ok: false, code: 'not-found', message: 'errors.taskGone' } as const;
      if (current.activation.status !== 'OPEN')
        return {
          ok: false,
          code: 'refused',
          message: current.activation.status === 'WITHDRAWN' ? 'errors.withdrawn' : 'errors.stoodDown',
        } as const;
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
    }, TX),
});

/** The same steps for a given user, outside a request (tests, scripts); `at` stands in for the request's clock. */
export const activateManually = (user: SessionUser | null, raw: unknown, at?: Date) =>
  runAction(activate, user, raw, at);
export const dismissActivationProposal = (user: SessionUser | null, raw: unknown, at?: Date) =>
  runAction(dismissProposal, user, raw, at);
export const standDown = (user: SessionUser | null, raw: unknown, at?: Date) => runAction(standDownPlan, user, raw, at);
export const setTaskDueDate = (user: SessionUser | null, raw: unknown, at?: Date) =>
  runAction(setDueDate, user, raw, at);
