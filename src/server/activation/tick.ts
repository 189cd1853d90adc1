import 'server-only';
import { tickDenial } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { tickSchema } from '@/lib/validations/activation';
import { recordAudit } from '@/server/audit/record';
import { defineAction, runAction } from '@/server/boundary/action';

export interface TickOutcome {
  status: 'OPEN' | 'DONE';
  version: number;
  /** true when the task was already in the requested state (another officer got there first): nothing changed */
  unchanged: boolean;
}

/**
 * Ticks a task done, or reopens it, with an optional note. Optimistic concurrency on the task's version:
 * - the version read is current: the state changes (the WHERE repeats the version, so of two transactions racing,
 *   exactly one changes the row);
 * - the task is already in the requested state (two officers ticked it at once, or a double submit): the state is
 *   left as it is, and this officer's action and note still go into the task's history;
 * - the state moved the other way since it was read: refused as a conflict, nothing changed.
 * Every action that is accepted writes an audit row, which is the task's history.
 */
export const tick = defineAction({
  name: 'tasks.tick',
  permission: 'tasks.tick',
  schema: tickSchema,
  // the task's own scope (its province, district and agency), read from the record, never from the form
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
  // a district officer ticks only their district's copies, an agency officer their agency's, a leader the province's
  rule: (user, scope) => tickDenial(user, { ...scope, districtId: scope.unitId ?? null }),
  messages: { forbidden: 'errors.forbidden', notFound: 'errors.taskGone' },
  run: async ({ prisma, user, input, scope: { provinceCode }, now }) => {
    const target = input.done ? 'DONE' : 'OPEN';
    const actor = { id: user.id, label: user.email };
    return prisma.$transaction(
      async (tx) => {
        const read = () =>
          tx.activationTask.findUnique({
            where: { id: input.taskId },
            select: {
              status: true,
              version: true,
              note: true,
              doneById: true,
              activationId: true,
              activation: { select: { status: true } },
            },
          });
        let current = await read();
        if (!current) return { ok: false, code: 'not-found', message: 'errors.taskGone' } as const;
        if (current.activation.status !== 'OPEN') return notOpen(current.activation.status);

        let unchanged = current.status === target;
        if (!unchanged) {
          if (current.version !== input.version) return conflict(current.status);
          const changed = await tx.activationTask.updateMany({
            where: { id: input.taskId, version: input.version },
            data:
              target === 'DONE'
                ? { status: 'DONE', note: input.note, doneAt: now, doneById: user.id, version: { increment: 1 } }
                : { status: 'OPEN', note: input.note, doneAt: null, doneById: null, version: { increment: 1 } },
          });
          if (changed.count === 0) {
            // another transaction changed the task between our read and our write: look again at what it did
            current = await read();
            if (!current) return { ok: false, code: 'not-found', message: 'errors.taskGone' } as const;
            // withdrawn meanwhile (its withdrawal moved every task's version): say so rather than "conflict"
            if (current.activation.status !== 'OPEN') return notOpen(current.activation.status);
            if (current.status !== target) return conflict(current.status);
            unchanged = true;
          }
        }

        const version = unchanged ? current.version : current.version + 1;
        await recordAudit(tx, {
          actor,
          action: target === 'DONE' ? 'task.done' : 'task.reopened',
          targetType: 'ActivationTask',
          targetId: String(input.taskId),
          provinceCode,
          before: { status: current.status, note: current.note, doneById: current.doneById, version: current.version },
          after: {
            status: target,
            note: input.note,
            version,
            activationId: current.activationId,
            ...(unchanged ? { unchanged: true } : {}),
          },
        });
        return {
          ok: true,
          data: { status: target, version, unchanged } satisfies TickOutcome,
          message: unchanged ? 'done.alreadyInState' : target === 'DONE' ? 'done.ticked' : 'done.reopened',
        } as const;
      },
      { timeout: 30_000, maxWait: 15_000 },
    );
  },
});

/** The same steps for a given user, outside a request (tests); `at` stands in for the request's clock. */
export const tickTask = (user: SessionUser | null, raw: unknown, at?: Date) => runAction(tick, user, raw, at);

/** Refused: the plan was stood down, or withdrawn after a correction: its tasks are a record. */
function notOpen(status: string) {
  return {
    ok: false,
    code: 'refused',
    message: status === 'WITHDRAWN' ? 'errors.withdrawn' : 'errors.stoodDown',
  } as const;
}

/** Refused: the task moved the other way meanwhile; `status` is its state now. */
function conflict(status: 'OPEN' | 'DONE') {
  return { ok: false, code: 'conflict', message: 'errors.conflict', status } as const;
}
