import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { SessionUser } from '@/lib/roles';
import { moveScopeSchema } from '@/lib/validations/admin-units';
import { recordAudit } from '@/server/audit/record';
import { defineAction, runAction } from '@/server/boundary/action';
import { actor, AUDIT_FIELDS, conflict, revokeTokens, userAsSeen } from './save';

// Moving a user off an ended unit to the unit it went into in full (issue 15: Kiên Giang → An Giang), from
// /admin/units. A change of scope like any other (src/server/users/save.ts): refused when the user changed since the
// page was read, compare-and-set on the values read, the user signed out everywhere and their API tokens revoked,
// audited with the values before and after.

type Tx = Prisma.TransactionClient;

/** The ended unit a user's scope names: a local officer's unit, or the province of a province role. */
export async function scopeUnitOf(
  tx: Tx,
  u: { role: string; provinceCode: string | null; unitId: number | null },
): Promise<{ id: number; code: string; kind: string; depth: number } | null> {
  const select = { id: true, code: true, kind: true, depth: true } as const;
  if (u.role === 'LOCAL_OFFICER') return u.unitId ? tx.adminUnit.findUnique({ where: { id: u.unitId }, select }) : null;
  if (u.role === 'PROVINCIAL_DATA_ENTRY' || u.role === 'PROVINCIAL_LEADER')
    return u.provinceCode ? tx.adminUnit.findFirst({ where: { code: u.provinceCode, depth: 0 }, select }) : null;
  // agency officers: their agency belongs to the old province's plan, which the move cannot carry over
  return null;
}

export const moveUserScope = defineAction({
  name: 'admin.moveUserScope',
  permission: 'users.manage',
  schema: moveScopeSchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const before = await userAsSeen(tx, input);
      if ('ok' in before) return before;
      const from = await scopeUnitOf(tx, before);
      const link = from
        ? await tx.unitSuccession.findFirst({
            where: { fromId: from.id, toId: input.toUnitId, share: 'full' },
            select: { to: { select: { id: true, code: true, provinceCode: true, depth: true } } },
          })
        : null;
      if (!from || !link) return { ok: false, code: 'refused', message: 'notAFullSuccessor' } as const;
      const to = link.to;
      const scope =
        before.role === 'LOCAL_OFFICER'
          ? { provinceCode: to.provinceCode, unitId: to.id }
          : { provinceCode: to.provinceCode, unitId: null };
      const { count } = await tx.user.updateMany({
        where: {
          id: before.id,
          role: before.role,
          provinceCode: before.provinceCode,
          unitId: before.unitId,
          agencyId: before.agencyId,
          active: before.active,
          name: before.name,
        },
        data: { ...scope, sessionVersion: { increment: 1 } },
      });
      if (count !== 1) return conflict('userChangedMeanwhile');
      const tokensRevoked = await revokeTokens(tx, before.id);
      const after = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: AUDIT_FIELDS });
      await recordAudit(tx, {
        actor: actor(admin),
        action: 'user.scope-moved',
        targetType: 'User',
        targetId: String(before.id),
        provinceCode: after.provinceCode,
        before: { ...before, scopeUnit: from.code },
        after: { ...after, scopeUnit: to.code, sessionsEnded: true, tokensRevoked },
      });
      return { ok: true, data: { id: before.id, to: to.code }, message: 'scopeMoved' } as const;
    }),
});

export const moveUserScopeAs = (user: SessionUser | null, raw: unknown) => runAction(moveUserScope, user, raw);
