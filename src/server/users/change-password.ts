import 'server-only';
import { z } from 'zod';
import type { SessionUser } from '@/lib/roles';
import { recordAudit } from '@/server/audit/record';
import { getLockedUntil, recordAttempt } from '@/server/auth/lockout';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '@/server/auth/password';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { passwordFieldError } from './save';
import type { ActionResult } from '@/lib/contracts/action-result';
import { fieldErrorsOf } from '@/server/boundary/action';

// Changing one's own password. The current password is required, and a wrong one counts as a failed sign-in (the
// form must not become a way around the lockout). The session version is bumped: every other session ends; the
// action re-issues the current one.

export const changePasswordSchema = z.object({
  current: z
    .string()
    .min(1, 'required')
    .max(MAX_PASSWORD_LENGTH * 4, 'tooLong'),
  password: z.string().max(MAX_PASSWORD_LENGTH * 4, 'passwordTooLong'),
  confirm: z.string(),
});

export async function changeOwnPasswordAs(
  user: SessionUser | null,
  raw: unknown,
  ip: string | null = null,
): Promise<ActionResult<{ sessionVersion: number }>> {
  if (!user) return { ok: false, code: 'unauthenticated', message: 'auth.required' };
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  const prisma = await db();
  const at = now();
  const actor = { id: user.id, label: user.email };
  if (await getLockedUntil(prisma, user.email, at, ip)) return { ok: false, code: 'refused', message: 'locked' };
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
    return {
      ok: false,
      code: 'invalid',
      message: 'validation.failed',
      fieldErrors: { current: ['currentPasswordWrong'] },
    };
  }
  const weak = passwordFieldError(input.password, user.email);
  if (weak) return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: { password: [weak] } };
  if (input.password !== input.confirm)
    return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: { confirm: ['passwordMismatch'] } };
  if (input.password === input.current)
    return {
      ok: false,
      code: 'invalid',
      message: 'validation.failed',
      fieldErrors: { password: ['passwordUnchanged'] },
    };
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
}
