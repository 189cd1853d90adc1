import 'server-only';
import { type z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { can, type Permission, type Scope } from '@/lib/permissions';
import { FieldErrorList, groupFieldErrors, nulPaths, type FieldErrors } from '@/lib/validations/field-errors';
import type { SessionUser } from '@/lib/roles';
import { recordAudit } from '@/server/audit/record';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';

// Every server action is a public endpoint: one wrapper checks, in this order, the session, the input (zod), the
// permission in its scope, then runs the change (which writes its own audit rows inside its transaction).
// Expected failures come back as one result shape the forms show next to the fields; unexpected errors are thrown to
// error.tsx.

export type { FieldErrors };
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: 'unauthenticated' | 'forbidden' | 'invalid' | 'conflict' | 'not-found' | 'refused';
      message: string;
      fieldErrors?: FieldErrors;
      details?: unknown;
    };

export interface ActionContext<I> {
  user: SessionUser;
  input: I;
  prisma: PrismaClient;
}

export interface GuardOptions<S extends z.ZodType, T> {
  /** names the action in the audit log when a permission is refused */
  name: string;
  permission: Permission;
  schema: S;
  /** the scope the input acts on (province, district, agency), checked with can() */
  scope: (input: z.output<S>, prisma: PrismaClient) => Scope | null | Promise<Scope | null>;
  run: (ctx: ActionContext<z.output<S>>) => Promise<ActionResult<T>>;
}

/** zod's issues per field; an unknown key is named as its own field (it may be "__proto__": see field-errors.ts). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out = new FieldErrorList();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) out.add([...issue.path, key].map(String).join('.'), 'unknownField');
    else out.add(issue.path.map(String).join('.') || '_', issue.message);
  }
  return out.toObject();
}

/** Text the database cannot store (a NUL character), refused as invalid input before the schema runs; null if none. */
export function refuseUnstorableText(raw: unknown): ActionResult<never> | null {
  const paths = nulPaths(raw);
  if (paths.length === 0) return null;
  return {
    ok: false,
    code: 'invalid',
    message: 'validation.failed',
    fieldErrors: groupFieldErrors(paths.map((p) => [p, 'invalid'])),
  };
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

export function guardedAction<S extends z.ZodType, T>(options: GuardOptions<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: 'unauthenticated', message: 'auth.required' };
    const unstorable = refuseUnstorableText(raw);
    if (unstorable) return unstorable;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, code: 'invalid', message: 'validation.failed', fieldErrors: fieldErrorsOf(parsed.error) };
    const prisma = await db();
    const scope = await options.scope(parsed.data, prisma);
    if (scope === null) return { ok: false, code: 'not-found', message: 'not-found' };
    if (!can(user, options.permission, scope)) {
      await recordRefusal(prisma, user, options.name, scope);
      return { ok: false, code: 'forbidden', message: 'permission.denied' };
    }
    return options.run({ user, input: parsed.data, prisma });
  };
}
