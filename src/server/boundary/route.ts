import 'server-only';
import type { z } from 'zod';
import type { Permission, Scope } from '@/lib/permissions';
import type { SessionUser } from '@/lib/roles';
import { FieldErrorList, groupFieldErrors, type FieldErrors } from '@/lib/validations/field-errors';
import { fieldErrorsOf } from './action';
import { permitOrAudit } from './refuse';
import { BodyTooLarge, errorCode, fail, readBody, translatorFor, type Translate } from './respond';
import { authenticate } from './token-auth';

// Every /api/v1 route handler is one route(): the action wrapper's steps (./action.ts) for a token or a session, in
// this order: authenticate -> parse (path, query) -> scope -> permission (refusals audited) -> body -> run. A failing
// step answers in the API's one error shape (./respond.ts), in the caller's language. The body comes last: a caller
// who may not act cannot make the server read it. Nothing a caller sends ends in a 5xx: an exception (a bug, an
// unreachable database) is logged and answered with a JSON 500 rather than Next's HTML page.

type Params = Record<string, string>;
/** what a step's schema gives, or undefined for a step the route has not got */
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a request acts on: the scope can() is asked in, and what the handler needs of it. */
export interface Target<T> {
  scope: Scope;
  target: T;
}

export interface RouteContext<T, B = undefined> {
  request: Request;
  user: SessionUser;
  target: T;
  body: B;
  t: Translate;
}

export interface RouteOptions<
  P extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  T,
> {
  /** names the endpoint in the audit log when the permission is refused */
  name: string;
  permission: Permission;
  /** the path's parameters, which Next hands over already decoded */
  params?: P;
  /** the query: only the schema's keys are read and any other is ignored; a known one given twice is refused */
  query?: Q;
  /** the scope and target of the parsed request, or a 4xx answer when there is none (an unknown unit) */
  scope: (input: {
    user: SessionUser;
    params: Parsed<P>;
    query: Parsed<Q>;
    t: Translate;
  }) => Target<T> | Response | Promise<Target<T> | Response>;
  /** a JSON body of at most maxBytes */
  body?: { schema: B; maxBytes: number };
  run: (ctx: RouteContext<T, Parsed<B>>) => Promise<Response>;
}

export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  T = undefined,
>(options: RouteOptions<P, Q, B, T>) {
  const queryKeys: ReadonlySet<string> = new Set(options.query ? Object.keys(options.query.shape) : []);
  return async (request: Request, ctx?: { params: Promise<Params> }): Promise<Response> => {
    const t = translatorFor(request);
    try {
      const auth = await authenticate(request, t);
      if (!auth.ok) return auth.response;
      const params = options.params && validate(options.params, (await ctx?.params) ?? {}, 'api.badQuery', t);
      if (params instanceof Response) return params;
      const query = options.query && readQuery(new URL(request.url), options.query, queryKeys, t);
      if (query instanceof Response) return query;
      const scoped = await options.scope({
        user: auth.user,
        params: params as Parsed<P>,
        query: query as Parsed<Q>,
        t,
      });
      if (scoped instanceof Response) return scoped;
      if (!(await permitOrAudit(auth.user, options.permission, scoped.scope, options.name)))
        return fail(403, t('api.forbidden'));
      const body = options.body?.schema && (await readJson(request, options.body.schema, options.body.maxBytes, t));
      if (body instanceof Response) return body;
      return await options.run({ request, user: auth.user, target: scoped.target, body: body as Parsed<B>, t });
    } catch (error) {
      console.error('API error', request.method, new URL(request.url).pathname, error);
      return fail(500, t('api.internal'));
    }
  };
}

/** zod's issues as the API's field errors: the action wrapper's codes, in the caller's language. */
function translated(t: Translate, errors: FieldErrors): FieldErrors {
  return groupFieldErrors(
    Object.entries(errors).flatMap(([field, codes]) => codes.map((code) => [field, errorCode(t, code)] as const)),
  );
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, message: string, t: Translate): z.output<S> | Response {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fail(400, t(message), translated(t, fieldErrorsOf(parsed.error)));
}

function readQuery<S extends z.ZodObject>(url: URL, schema: S, keys: ReadonlySet<string>, t: Translate) {
  // A Map, since a parameter may be called "__proto__" or "constructor".
  const values = new Map<string, string>();
  const repeated = new FieldErrorList();
  for (const [key, value] of url.searchParams) {
    if (!keys.has(key)) continue;
    if (values.has(key)) repeated.add(key, errorCode(t, 'repeatedParam'));
    values.set(key, value);
  }
  if (repeated.size > 0) return fail(400, t('api.badQuery'), repeated.toObject());
  return validate(schema, Object.fromEntries(values), 'api.badQuery', t);
}

async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
  t: Translate,
): Promise<z.output<S> | Response> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readBody(request, maxBytes)));
  } catch (error) {
    return error instanceof BodyTooLarge ? fail(413, t('api.tooLarge')) : fail(400, t('api.badJson'));
  }
  return validate(schema, raw, 'api.invalid', t);
}
