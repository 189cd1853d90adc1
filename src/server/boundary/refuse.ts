import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { can, type Permission, type Scope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { recordAudit } from '@/server/audit/record';

/**
 * The route wrapper's permission step: can() in the request's scope, and a refusal audited (who tried what, on what)
 * before the caller is answered. `name` names the endpoint in the audit log.
 */
export async function permitOrAudit(
  user: SessionUser,
  permission: Permission,
  scope: Scope,
  name: string,
  prisma?: PrismaClient,
): Promise<boolean> {
  if (can(user, permission, scope)) return true;
  await recordRefusal(prisma ?? (await db()), user, name, scope);
  return false;
}

/** Refusals are audited: who tried what, on what. */
export async function recordRefusal(
  prisma: PrismaClient,
  user: SessionUser,
  action: string,
  scope: Scope | null,
): Promise<void> {
  await recordAudit(prisma, {
    actor: { id: user.id, label: user.email },
    action: 'permission.denied',
    targetType: 'Action',
    targetId: action,
    provinceCode: scope?.provinceCode ?? user.provinceCode,
    after: scope ?? undefined,
  });
}
