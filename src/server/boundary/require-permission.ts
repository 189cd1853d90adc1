import 'server-only';
import { can, type Permission, type Scope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { requireUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { recordRefusal } from './refuse';

/**
 * For pages: the signed-in user (else to the sign-in page) and whether they may use this page. A refusal is audited
 * like a refused action; the page shows a clear message instead of its content.
 */
export async function authorizePage(
  permission: Permission,
  options: { page: string; scope?: Scope },
): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await requireUser(options.page);
  const allowed = can(user, permission, options.scope ?? {});
  if (!allowed) await recordRefusal(await db(), user, `page:${options.page}`, options.scope ?? null);
  return { user, allowed };
}
