import 'server-only';
import { SESSION_USER_SELECT } from './session-user';
import { Prisma } from '@/generated/prisma/client';
import type { Role } from '@/generated/prisma/enums';
import { NATIONAL_ROLES, type RoleName, type SessionUser } from '@/lib/roles';
import { recordAudit } from '@/server/audit/record';
import { hashPassword, passwordProblem, type PasswordProblem } from '@/server/auth/password';
import { now } from '@/server/env';
import { defineAction, runAction } from '@/server/boundary/action';
import {
  createUserSchema,
  resetPasswordSchema,
  setActiveSchema,
  stampOf,
  updateUserSchema,
} from '@/lib/validations/users';
import type { Failure, FieldErrors } from '@/lib/contracts/action-result';

// User management for administrators. Every change is audited with the values before and after (never a password
// hash); role, scope, deactivation and password resets bump the session version, which signs the user out
// everywhere, and revoke their API tokens (a token acts with its owner's rights: it must not outlive a change of them).

type Tx = Prisma.TransactionClient;
type Scope = { provinceCode: string | null; unitId: number | null; agencyId: number | null };

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: 'passwordTooShort',
  tooLong: 'passwordTooLong',
  common: 'passwordCommon',
  repetitive: 'passwordRepetitive',
  containsEmail: 'passwordContainsEmail',
};

export function passwordFieldError(password: string, email: string): string | null {
  const problem = passwordProblem(password, { email });
  return problem ? PASSWORD_MESSAGES[problem] : null;
}

const invalid = (fieldErrors: FieldErrors): Failure => ({
  ok: false,
  code: 'invalid',
  message: 'validation.failed',
  fieldErrors,
});
export const conflict = (message: string): Failure => ({ ok: false, code: 'conflict', message });

/** The scope a role needs, checked against the reference data; provinces follow from a unit or an agency. */
export async function resolveScope(
  tx: Tx,
  role: RoleName,
  input: Scope,
): Promise<{ scope: Scope } | { fieldErrors: FieldErrors }> {
  if (NATIONAL_ROLES.includes(role)) return { scope: { provinceCode: null, unitId: null, agencyId: null } };
  if (role === 'PROVINCIAL_DATA_ENTRY' || role === 'PROVINCIAL_LEADER') {
    if (!input.provinceCode) return { fieldErrors: { provinceCode: ['provinceRequired'] } };
    const province = await tx.adminUnit.findFirst({
      where: { code: input.provinceCode, kind: 'province' },
      select: { code: true },
    });
    if (!province) return { fieldErrors: { provinceCode: ['notAProvince'] } };
    return { scope: { provinceCode: province.code, unitId: null, agencyId: null } };
  }
  if (role === 'LOCAL_OFFICER') {
    // a reporting unit of any level (issue 15): a commune, a facility, a former district, the province's own row; an
    // ended one too (its officer keeps reading its history). Old communes that never reported are no one's scope.
    if (!input.unitId) return { fieldErrors: { unitId: ['unitRequired'] } };
    const unit = await tx.adminUnit.findFirst({
      where: { id: input.unitId, reports: true },
      select: { id: true, provinceCode: true },
    });
    if (!unit) return { fieldErrors: { unitId: ['unitRequired'] } };
    if (input.provinceCode && input.provinceCode !== unit.provinceCode)
      return { fieldErrors: { unitId: ['unitOutsideProvince'] } };
    return { scope: { provinceCode: unit.provinceCode, unitId: unit.id, agencyId: null } };
  }
  if (!input.agencyId) return { fieldErrors: { agencyId: ['agencyRequired'] } };
  const agency = await tx.agency.findUnique({
    where: { id: input.agencyId },
    select: { id: true, plan: { select: { provinceCode: true } } },
  });
  if (!agency?.plan.provinceCode) return { fieldErrors: { agencyId: ['agencyRequired'] } };
  if (input.provinceCode && input.provinceCode !== agency.plan.provinceCode)
    return { fieldErrors: { agencyId: ['agencyOutsideProvince'] } };
  return { scope: { provinceCode: agency.plan.provinceCode, unitId: null, agencyId: agency.id } };
}

export const AUDIT_FIELDS = {
  ...SESSION_USER_SELECT,
  active: true,
} as const;

/** The user as the admin's form saw them: not found, or changed since (another stamp), refuses the change. */
export async function userAsSeen(tx: Tx, input: { userId: number; stamp: string }) {
  const before = await tx.user.findUnique({ where: { id: input.userId }, select: AUDIT_FIELDS });
  if (!before) return { ok: false, code: 'not-found', message: 'not-found' } as const;
  if (stampOf(before) !== input.stamp) return conflict('userChangedMeanwhile');
  return before;
}

export async function revokeTokens(tx: Tx, userId: number): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now() } });
  return count;
}

async function otherActiveAdmins(tx: Tx, userId: number): Promise<number> {
  return tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
}

export const actor = (u: SessionUser) => ({ id: u.id, label: u.email });

export const createUser = defineAction({
  name: 'admin.createUser',
  permission: 'users.manage',
  schema: createUserSchema,
  scope: () => ({}),
  run: async ({ user: admin, input, prisma }) => {
    const weak = passwordFieldError(input.password, input.email);
    if (weak) return invalid({ password: [weak] });
    const passwordHash = await hashPassword(input.password); // slow on purpose: before the transaction
    try {
      return await prisma.$transaction(async (tx) => {
        const resolved = await resolveScope(tx, input.role, input);
        if ('fieldErrors' in resolved) return invalid(resolved.fieldErrors);
        const created = await tx.user.create({
          data: {
            email: input.email,
            name: input.name,
            role: input.role as Role,
            ...resolved.scope,
            passwordHash,
            passwordChangedAt: now(),
          },
          select: AUDIT_FIELDS,
        });
        await recordAudit(tx, {
          actor: actor(admin),
          action: 'user.created',
          targetType: 'User',
          targetId: String(created.id),
          provinceCode: created.provinceCode,
          after: created,
        });
        return { ok: true, data: { id: created.id }, message: 'userCreated' } as const;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
        return invalid({ email: ['emailTaken'] });
      throw error;
    }
  },
});

export const createUserAs = (user: SessionUser | null, raw: unknown) => runAction(createUser, user, raw);

export const updateUser = defineAction({
  name: 'admin.updateUser',
  permission: 'users.manage',
  schema: updateUserSchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const before = await userAsSeen(tx, input);
      if ('ok' in before) return before;
      const resolved = await resolveScope(tx, input.role, input);
      if ('fieldErrors' in resolved) return invalid(resolved.fieldErrors);
      if (
        before.role === 'ADMIN' &&
        input.role !== 'ADMIN' &&
        before.active &&
        (await otherActiveAdmins(tx, before.id)) === 0
      ) {
        return invalid({ role: ['lastAdmin'] });
      }
      const rightsChanged =
        before.role !== input.role ||
        before.provinceCode !== resolved.scope.provinceCode ||
        before.unitId !== resolved.scope.unitId ||
        before.agencyId !== resolved.scope.agencyId;
      if (!rightsChanged && before.name === input.name)
        return { ok: true, data: { id: before.id }, message: 'noChange' } as const;
      // compare-and-set on the values read: two admins saving at once cannot both win
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
        data: {
          name: input.name,
          role: input.role as Role,
          ...resolved.scope,
          ...(rightsChanged ? { sessionVersion: { increment: 1 } } : {}),
        },
      });
      if (count !== 1) return conflict('userChangedMeanwhile');
      const tokensRevoked = rightsChanged ? await revokeTokens(tx, before.id) : 0;
      const after = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: AUDIT_FIELDS });
      await recordAudit(tx, {
        actor: actor(admin),
        action: rightsChanged ? 'user.role-changed' : 'user.renamed',
        targetType: 'User',
        targetId: String(before.id),
        provinceCode: after.provinceCode ?? before.provinceCode,
        before,
        after: { ...after, ...(rightsChanged ? { sessionsEnded: true, tokensRevoked } : {}) },
      });
      return {
        ok: true,
        data: { id: before.id },
        message: rightsChanged ? 'userRightsChanged' : 'userSaved',
      } as const;
    }),
});

export const updateUserAs = (user: SessionUser | null, raw: unknown) => runAction(updateUser, user, raw);

export const setUserActive = defineAction({
  name: 'admin.setUserActive',
  permission: 'users.manage',
  schema: setActiveSchema,
  scope: () => ({}),
  run: ({ user: admin, input, prisma }) =>
    prisma.$transaction(async (tx) => {
      const before = await userAsSeen(tx, input);
      if ('ok' in before) return before;
      if (before.active === input.active) return { ok: true, data: { id: before.id }, message: 'noChange' } as const;
      if (!input.active && before.id === admin.id)
        return { ok: false, code: 'refused', message: 'cannotDeactivateSelf' } as const;
      if (!input.active && before.role === 'ADMIN' && (await otherActiveAdmins(tx, before.id)) === 0)
        return { ok: false, code: 'refused', message: 'lastAdmin' } as const;
      const { count } = await tx.user.updateMany({
        where: { id: before.id, active: before.active },
        data: { active: input.active, ...(input.active ? {} : { sessionVersion: { increment: 1 } }) },
      });
      if (count !== 1) return conflict('userChangedMeanwhile');
      const tokensRevoked = input.active ? 0 : await revokeTokens(tx, before.id);
      await recordAudit(tx, {
        actor: actor(admin),
        action: input.active ? 'user.reactivated' : 'user.deactivated',
        targetType: 'User',
        targetId: String(before.id),
        provinceCode: before.provinceCode,
        before: { active: before.active },
        after: { active: input.active, ...(input.active ? {} : { sessionsEnded: true, tokensRevoked }) },
      });
      return {
        ok: true,
        data: { id: before.id },
        message: input.active ? 'userReactivated' : 'userDeactivated',
      } as const;
    }),
});

export const setUserActiveAs = (user: SessionUser | null, raw: unknown) => runAction(setUserActive, user, raw);

export const resetPassword = defineAction({
  name: 'admin.resetPassword',
  permission: 'users.manage',
  schema: resetPasswordSchema,
  scope: () => ({}),
  run: async ({ user: admin, input, prisma }) => {
    const target = await prisma.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, provinceCode: true },
    });
    if (!target) return { ok: false, code: 'not-found', message: 'not-found' };
    const weak = passwordFieldError(input.password, target.email);
    if (weak) return invalid({ password: [weak] });
    if (input.password !== input.confirm) return invalid({ confirm: ['passwordMismatch'] });
    const passwordHash = await hashPassword(input.password);
    return prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: target.id },
        data: { passwordHash, passwordChangedAt: now(), sessionVersion: { increment: 1 } },
      });
      const tokensRevoked = await revokeTokens(tx, target.id);
      await recordAudit(tx, {
        actor: actor(admin),
        action: 'user.password-reset',
        targetType: 'User',
        targetId: String(target.id),
        provinceCode: target.provinceCode,
        after: { sessionsEnded: true, tokensRevoked },
      });
      return { ok: true, data: { id: target.id }, message: 'passwordReset' } as const;
    });
  },
});

export const resetPasswordAs = (user: SessionUser | null, raw: unknown) => runAction(resetPassword, user, raw);
