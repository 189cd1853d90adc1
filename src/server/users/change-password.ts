import 'server-only';
import type { Failure, FieldErrors } from '@/lib/contracts/action-result';
import { changePasswordSchema } from '@/lib/validations/password';
import { recordAudit } from '@/server/audit/record';
import { getLockedUntil, recordAttempt } from '@/server/auth/lockout';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { defineAction } from '@/server/boundary/action';
import { passwordFieldError } from './save';

// Changing one's own password. The current password is required, and a wrong one counts as a failed sign-in (the
// form must not become a way around the lockout). The session version is bumped: every other session ends; the
// action re-issues the current one. Any signed-in user may, on their own account only: the action names no other.

const invalid = (fieldErrors: FieldErrors): Failure<'invalid'> => ({
  ok: false,
  code: 'invalid',
  message: 'validation.failed',
  fieldErrors,
});

export const changePassword = defineAction({
  name: 'account.changePassword',
  permission: null,
  schema: changePasswordSchema,
  // one's own account: nothing to look up, nothing to refuse
  scope: () => ({}),
  run: async ({ user, input, prisma, now: at, client: ip }) => {
    const actor = { id: user.id, label: user.email };
    if (await getLockedUntil(prisma, user.email, at, ip))
      return { ok: false, code: 'refused', message: 'locked' } as const;
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, input.current))) {
      const lock = await recordAttempt(prisma, { email: user.email, success: false, ip, at });
      await recordAudit(prisma, {
        actor,
        action: 'account.password-change-failed',
        targetType: 'User',
        targetId: String(user.id),
        provinceCode: user.provinceCode,
        after: { ip },
      });
      if (lock) {
        await recordAudit(prisma, {
          actor: { id: null, label: 'system:lockout' },
          action: 'auth.locked',
          targetType: 'User',
          targetId: String(user.id),
          provinceCode: user.provinceCode,
          after: { email: user.email, ip, lockedUntil: lock.toISOString() },
        });
      }
      return invalid({ current: ['currentPasswordWrong'] });
    }
    const weak = passwordFieldError(input.password, user.email);
    if (weak) return invalid({ password: [weak] });
    if (input.password !== input.confirm) return invalid({ confirm: ['passwordMismatch'] });
    if (input.password === input.current) return invalid({ password: ['passwordUnchanged'] });
    const passwordHash = await hashPassword(input.password);
    return prisma.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, passwordChangedAt: at, sessionVersion: { increment: 1 } },
        select: { sessionVersion: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'account.password-changed',
        targetType: 'User',
        targetId: String(user.id),
        provinceCode: user.provinceCode,
        after: { otherSessionsEnded: true },
      });
      return { ok: true, data: { sessionVersion: updated.sessionVersion }, message: 'passwordChanged' } as const;
    });
  },
});
