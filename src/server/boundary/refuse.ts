import 'server-only';
import type { PrismaClient } from '@/generated/prisma/client';
import { can, type Permission, type Scope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { recordRefusal } from './action';

/**
 * The permission step of the boundary's wrappers: can() in the request's scope, and a refusal audited (who tried what,
 * on what) before the caller is answered. `name` names the action or endpoint in the audit log.
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
