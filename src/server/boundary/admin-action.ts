import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { db } from '@/server/db';
import { fieldErrorsOf, recordRefusal, refuseUnstorableText, type ActionResult, type GuardOptions } from './action';

/**
 * guardedAction's steps with the user passed in, so the services behind the admin and account actions can be tested
 * without a request. One difference: the permission is first checked without scope, before the input is parsed, so a
 * user who may never do this learns nothing about valid input (and the refusal is audited either way).
 */
export async function runGuarded<S extends z.ZodType, T>(
  user: SessionUser | null,
  options: GuardOptions<S, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  if (!user) return { ok: false, code: 'unauthenticated', message: 'auth.required' };
  const prisma = await db();
  if (!can(user, options.permission)) {
    await recordRefusal(prisma, user, options.name, null);
    return { ok: false, code: 'forbidden', message: 'permission.denied' };
  }
  const unstorable = refuseUnstorableText(raw);
  if (unstorable) return unstorable;
  const parsed = options.schema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: fieldErrorsOf(parsed.error) };
  const scope = await options.scope(parsed.data, prisma);
  if (scope === null) return { ok: false, code: 'not-found', message: 'not-found' };
  if (!can(user, options.permission, scope)) {
    await recordRefusal(prisma, user, options.name, scope);
    return { ok: false, code: 'forbidden', message: 'permission.denied' };
  }
  return options.run({ user, input: parsed.data, prisma });
}

/**
 * FormData to a plain object for zod (repeated names become arrays; empty strings stay, zod decides). An action's
 * arguments are whatever the caller serialised, so anything but a FormData is an empty form (zod then names the missing
 * fields). Field names are the caller's: grouped in a Map, since "__proto__" or "constructor" looked up in a plain object
 * finds Object.prototype's members; Object.fromEntries then defines them as own properties, which zod ignores.
 */
export function formObject(formData: unknown): Record<string, string | string[]> {
  if (!(formData instanceof FormData)) return {};
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue; // React's own fields
    const text = typeof value === 'string' ? value : '';
    const prev = fields.get(key);
    fields.set(key, prev === undefined ? text : Array.isArray(prev) ? [...prev, text] : [prev, text]);
  }
  return Object.fromEntries(fields);
}

/** Bumps the province's data version: cached figures and verdicts keyed by it are recomputed. */
export async function bumpDataVersion(
  tx: Pick<Prisma.TransactionClient, 'dataVersion'>,
  provinceCode: string,
): Promise<void> {
  await tx.dataVersion.upsert({
    where: { provinceCode },
    create: { provinceCode, version: 1 },
    update: { version: { increment: 1 } },
  });
}
