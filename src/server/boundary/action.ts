import 'server-only';
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { type z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import type { CellError, Failure, FieldErrors, Refusal, Success } from '@/lib/contracts/action-result';
import { can, type Permission, type Scope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { FieldErrorList, nulPathSegments } from '@/lib/validations/field-errors';
import { getCurrentUser } from '@/server/auth/current-user';
import { db } from '@/server/db';
import { now } from '@/server/env';
import { clientAddress } from '@/server/http/forwarded';
import { recordRefusal } from './refuse';

// Every server action is a public endpoint. One wrapper checks, in this order: the session; the permission without
// scope (a user who may never do this is refused before the input is parsed, so they learn nothing about valid input;
// an action on one's own account, such as changing one's password, has no permission to check); text the database
// cannot store; the input (zod); the scope the input acts on, read from the records it names; the
// permission in that scope; then it runs the change, which writes its own audit rows inside its transaction. Every
// refusal of a permission is audited. The scope found is handed to the change: services do not check again.
// Expected failures come back as data (src/lib/contracts/action-result.ts); unexpected errors are thrown to error.tsx.

export type { FieldErrors };

type ResultShape = Success<unknown> | Failure;

export interface ActionContext<I, Sc extends Scope> {
  user: SessionUser;
  input: I;
  /** the scope the permission was granted in */
  scope: Sc;
  prisma: PrismaClient;
  /** the request's clock, read once */
  now: Date;
  /** the client's address, when a trusted proxy names it (src/server/http/forwarded.ts) */
  client: string | null;
}

export interface ActionDefinition<S extends z.ZodType, Sc extends Scope, R extends ResultShape> {
  /** names the action in the audit log when a permission is refused */
  name: string;
  /** null: any signed-in user, acting on their own account (the scope is theirs: there is nothing to refuse) */
  permission: Permission | null;
  schema: S;
  /** the input's array whose issues are cell errors ({ ref: the row's index, field, code }): the grid's rows */
  cells?: string;
  /** the scope the input acts on (province, district, agency), read from the records it names; null: not found */
  scope: (input: z.output<S>, prisma: PrismaClient) => Sc | null | Promise<Sc | null>;
  /**
   * A finer rule from src/lib/permissions, in place of can(user, permission, scope): the refusal's message key, or
   * null when the user may.
   */
  rule?: (user: SessionUser, scope: Sc) => string | null;
  /** message keys of the action's own namespace for a refusal and for a record that does not exist */
  messages?: { forbidden?: string; notFound?: string };
  run: (ctx: ActionContext<z.output<S>, Sc>) => Promise<R>;
}

/** Declares an action; its result type is inferred from `run`. Run it with serveAction (requests) or runAction. */
export function defineAction<S extends z.ZodType, Sc extends Scope, R extends ResultShape>(
  definition: ActionDefinition<S, Sc, R>,
): ActionDefinition<S, Sc, R> {
  return definition;
}

/** zod's issues per field; an unknown key is named as its own field (it may be "__proto__": see field-errors.ts). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return errorsOf(error.issues).fieldErrors;
}

/** Issues split into field errors and, for the `cells` array's rows, cell errors. */
function errorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
  cells?: string,
): { fieldErrors: FieldErrors; cellErrors: CellError[] } {
  const fields = new FieldErrorList();
  const cellErrors: CellError[] = [];
  for (const issue of issues) {
    const unknown = issue.code === 'unrecognized_keys' ? (issue.keys ?? []) : null;
    for (const path of unknown ? unknown.map((k) => [...issue.path, k]) : [issue.path]) {
      const message = unknown ? 'unknownField' : issue.message;
      const [array, ref, field, ...rest] = path;
      if (cells !== undefined && array === cells && typeof ref === 'number' && field !== undefined && !rest.length)
        cellErrors.push({ ref, field: String(field), code: message });
      else fields.add(path.map(String).join('.') || '_', message);
    }
  }
  return { fieldErrors: fields.toObject(), cellErrors };
}

function invalid(errors: { fieldErrors: FieldErrors; cellErrors: CellError[] }): Refusal {
  return {
    ok: false,
    code: 'invalid',
    message: 'validation.failed',
    fieldErrors: errors.fieldErrors,
    ...(errors.cellErrors.length > 0 ? { cellErrors: errors.cellErrors } : {}),
  };
}

type Steps<I, R> = { result: R | Refusal; input?: I };

/** Who asks, when, and from where: what the steps know of the request besides its input. */
export interface Caller {
  user: SessionUser | null;
  at: Date;
  client: string | null;
}

async function steps<S extends z.ZodType, Sc extends Scope, R extends ResultShape>(
  action: ActionDefinition<S, Sc, R>,
  { user, at, client }: Caller,
  raw: unknown,
): Promise<Steps<z.output<S>, R>> {
  if (!user) return { result: { ok: false, code: 'unauthenticated', message: 'auth.required' } };
  const prisma = await db();
  const forbidden = (message: string): Refusal => ({ ok: false, code: 'forbidden', message });
  const denied = action.messages?.forbidden ?? 'permission.denied';
  const permission = action.permission;
  if (permission !== null && !can(user, permission)) {
    await recordRefusal(prisma, user, action.name, null);
    return { result: forbidden(denied) };
  }
  const unstorable = nulPathSegments(raw);
  if (unstorable.length > 0)
    return {
      result: invalid(
        errorsOf(
          unstorable.map((path) => ({ path, message: 'invalid' })),
          action.cells,
        ),
      ),
    };
  const parsed = action.schema.safeParse(raw);
  if (!parsed.success) return { result: invalid(errorsOf(parsed.error.issues, action.cells)) };
  const input = parsed.data;
  const scope = await action.scope(input, prisma);
  if (scope === null)
    return { result: { ok: false, code: 'not-found', message: action.messages?.notFound ?? 'not-found' }, input };
  const denial = action.rule
    ? action.rule(user, scope)
    : permission === null || can(user, permission, scope)
      ? null
      : denied;
  if (denial !== null) {
    await recordRefusal(prisma, user, action.name, scope);
    return { result: forbidden(denial), input };
  }
  return { result: await action.run({ user, input, scope, prisma, now: at, client }), input };
}

/**
 * The action's steps for a given user (null: nobody signed in): what serveAction runs, and what tests call. The client's
 * address is unknown unless given.
 */
export async function runAction<S extends z.ZodType, Sc extends Scope, R extends ResultShape>(
  action: ActionDefinition<S, Sc, R>,
  user: SessionUser | null,
  raw: unknown,
  at: Date = now(),
  client: string | null = null,
): Promise<R | Refusal> {
  return (await steps(action, { user, at, client }, raw)).result;
}

/**
 * For the 'use server' adapters: the signed-in user, the steps, then the after-hook (revalidatePath, refresh) with the
 * parsed input, for every answer that got that far.
 */
export async function serveAction<S extends z.ZodType, Sc extends Scope, R extends ResultShape>(
  action: ActionDefinition<S, Sc, R>,
  raw: unknown,
  after?: (result: R | Refusal, input: z.output<S>) => void,
): Promise<R | Refusal> {
  const caller = { user: await getCurrentUser(), at: now(), client: clientAddress(await headers()) };
  const done = await steps(action, caller, raw);
  if (after && 'input' in done) after(done.result, done.input as z.output<S>);
  return done.result;
}

/**
 * An after-hook for the pages that show live state (the response plan, the tasks): a refusal or a conflict re-renders
 * too, so the page shows what changed meanwhile and carries the new versions. Invalid input changed nothing.
 */
export function refreshUnlessInvalid(result: { ok: boolean; code?: string }): void {
  if (result.ok || result.code !== 'invalid') refresh();
}
